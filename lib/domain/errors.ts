// The one error type domain verbs throw; the transport (route handlers, server actions, CLIs) turns its
// code into a status and shows its message, which is written for the person who caused it.
export type AppErrorCode = "not_found" | "invalid" | "conflict" | "forbidden" | "unauthenticated" | "rate_limited" | "too_large" | "unavailable";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly issues: { path: (string | number)[]; message: string }[] = [],
    /** Extra data for the caller (e.g. both texts of an edit conflict). */
    readonly details?: Record<string, unknown>,
    /** Seconds after which trying again may succeed (a rate limit, an outage): the Retry-After header. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = "AppError";
  }
}
