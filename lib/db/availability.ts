// Whether an error means "the database cannot be reached right now" (killed, restarting, network gone)
// rather than a bug or bad data. Pure: instrumentation.ts marks a request whose render failed so, and
// the web server (scripts/web-server/http.mjs) answers it with 503 + Retry-After instead of 500.

// Node's socket errors, Postgres's "cannot connect now" / admin-shutdown SQLSTATEs (class 08 and 57P0x),
// and Prisma's "can't reach / timed out / closed" codes.
const CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTFOUND", "EAI_AGAIN", "57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006", "P1001", "P1002", "P1008", "P1017", "P2024"]);
const MESSAGES = /Can't reach database server|Connection terminated|terminating connection due to administrator command|the database system is (?:starting up|shutting down|in recovery mode)|DatabaseNotReachable|Timed out fetching a new connection|Connection refused|Server has closed the connection|connect ECONNREFUSED/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; kind?: unknown; errors?: unknown; meta?: { driverAdapterError?: unknown } };
  if (typeof e.code === "string" && CODES.has(e.code)) return true;
  if (typeof e.kind === "string" && /DatabaseNotReachable|ConnectionClosed|SocketTimeout/.test(e.kind)) return true;
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  if (e.meta?.driverAdapterError && isDatabaseUnavailable(e.meta.driverAdapterError, depth + 1)) return true;
  // AggregateError (a pool trying IPv4 and IPv6) and wrapped causes.
  if (Array.isArray(e.errors) && e.errors.some((x) => isDatabaseUnavailable(x, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
