// Who is asking, as far as the public site cares: the client address (for throttling and the salted hash
// in the search log, never stored as such) and whether the user agent is a crawler.
import { isBot } from "./bots.ts";

export type Client = { address: string; userAgent: string; bot: boolean };

/**
 * Set by the web server (scripts/web-server/http.mjs) on every request, replacing whatever the client
 * sent: the socket's peer, or the client a trusted proxy names (TRUSTED_PROXIES). X-Forwarded-For
 * itself is never read here: anyone can write it.
 */
export const CLIENT_HEADER = "x-yibao-client";

/**
 * The header is believed when this process's web server sets it, and outside production (`next dev`,
 * route handlers called by tests). In production without our web server in front (`next start`) no one
 * vouches for it, and every request counts as one client: limits hold, too tightly, rather than not at all.
 */
function headerVouchedFor(): boolean {
  return (globalThis as Record<symbol, unknown>)[Symbol.for("yibao.client-header")] === true || process.env.NODE_ENV !== "production";
}

export function clientAddress(headers: Headers): string {
  const vouched = headerVouchedFor() ? headers.get(CLIENT_HEADER)?.trim() : undefined;
  return (vouched || "unknown").slice(0, 64);
}

export function clientOf(headers: Headers): Client {
  const userAgent = (headers.get("user-agent") ?? "").slice(0, 300);
  return { address: clientAddress(headers), userAgent, bot: isBot(userAgent) };
}
