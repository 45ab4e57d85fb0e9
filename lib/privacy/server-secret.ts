// The secret that server-made tokens are signed with (follow links of merged asks, search query ids):
// resolved with the other shared secrets, in lib/secrets.mjs.
import { env } from "../env.ts";
import { signingSecret } from "../secrets.mjs";

export function serverSecret(): string {
  return signingSecret(env());
}
