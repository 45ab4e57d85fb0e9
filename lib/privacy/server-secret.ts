// The secret that server-made tokens are signed with (follow links of merged asks, search query ids):
// BETTER_AUTH_SECRET, which every instance shares (`npm start` generates one into DATA_DIR). A process
// without one (a CLI, a test) gets a random one for its own life: its tokens are unguessable, and only it
// recognises them.
import { randomBytes } from "node:crypto";
import { env } from "../env.ts";

let fallback: string | undefined;

export function serverSecret(): string {
  return env().BETTER_AUTH_SECRET ?? (fallback ??= randomBytes(32).toString("hex"));
}
