// Runs once when the Next.js server starts: a bad setting stops it here, with the variable named,
// instead of surfacing later as a silently wrong behaviour (a NaN timeout, a missing index).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env.ts");
  env();
}
