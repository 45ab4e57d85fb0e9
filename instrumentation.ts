// Runs once when the Next.js server starts: a bad setting stops it here, with the variable named,
// instead of surfacing later as a silently wrong behaviour (a NaN timeout, a missing index).
import { isDatabaseUnavailable } from "./lib/db/availability.ts";
import { REQUEST_ID_HEADER, unavailableRequests } from "./scripts/web-server/http.mjs";

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env.ts");
  env();
}

/**
 * Next calls this as soon as a render fails, before it writes the status. A failure for want of the
 * database marks the request, and scripts/web-server/http.mjs answers it with 503 instead of Next's 500.
 */
export function onRequestError(error: unknown, request: { headers: Record<string, string | string[] | undefined> }) {
  const id = request.headers[REQUEST_ID_HEADER];
  if (typeof id === "string" && isDatabaseUnavailable(error)) unavailableRequests().add(id);
}
