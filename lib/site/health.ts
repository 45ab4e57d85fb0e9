// What GET /api/health says: one word per dependency and one for the whole. The public sees only the
// words; why a dependency is down (a connection string, a host name, a stack) goes to the server log.
export type DependencyState = "ok" | "down";
export type Health = { status: "ok" | "degraded" | "down"; db: DependencyState; search: DependencyState };

/** A probe that hangs (a host that drops packets) counts as down rather than holding the check. */
const PROBE_TIMEOUT_MS = 2000;

async function probe(name: string, run: () => Promise<unknown>, timeoutMs: number): Promise<DependencyState> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      // Called inside the promise chain, so a synchronous throw (no DATABASE_URL) is a failure too.
      Promise.resolve().then(run),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return "ok";
  } catch (e) {
    // One line per failure: Prisma's messages span several, with the invocation and a code frame.
    console.error(`health: ${name} is down: ${(e instanceof Error ? e.message : String(e)).replace(/\s+/g, " ").trim()}`);
    return "down";
  } finally {
    clearTimeout(timer);
  }
}

/** Postgres is the source of truth (down without it); Meilisearch has a fallback (degraded without it). */
export async function checkHealth(probes: { db: () => Promise<unknown>; search: () => Promise<unknown> }, timeoutMs = PROBE_TIMEOUT_MS): Promise<Health> {
  const [db, search] = await Promise.all([probe("Postgres", probes.db, timeoutMs), probe("Meilisearch", probes.search, timeoutMs)]);
  return { status: db === "down" ? "down" : search === "down" ? "degraded" : "ok", db, search };
}
