// Who is asking, as far as the public site cares: the client address (for throttling and the salted hash
// in the search log, never stored as such) and whether the user agent is a crawler.
import { isBot } from "../analytics/bots.ts";

export type Client = { address: string; userAgent: string; bot: boolean };

/** From a request's headers: the first X-Forwarded-For hop (the site runs behind a proxy), else X-Real-IP. */
export function clientOf(headers: Headers): Client {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const address = (forwarded || headers.get("x-real-ip")?.trim() || "unknown").slice(0, 64);
  const userAgent = (headers.get("user-agent") ?? "").slice(0, 300);
  return { address, userAgent, bot: isBot(userAgent) };
}
