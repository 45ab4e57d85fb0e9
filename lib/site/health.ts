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

/**
 * Readiness for a load balancer: whether this instance should get traffic, with the reasons as codes.
 * Postgres and at least one Meilisearch must answer, some worker must have been seen lately (else nothing
 * published would reach search or expire a page), and no search feed may lag far behind.
 */
export type ReadyReason = "db_down" | "search_down" | "worker_unseen" | "worker_stale" | "feed_lag" | "stopping";
export type Readiness = {
  status: "ready" | "not_ready";
  reasons: ReadyReason[];
  db: DependencyState;
  search: DependencyState;
  /** Seconds since a worker last wrote its heartbeat; null when none ever did (or Postgres is down). */
  workerSeenSecondsAgo: number | null;
  /** Per search feed, seconds its oldest unapplied change has waited (feeds numbered, not named). */
  feedLagSeconds: number[];
};

/** Set by the web server once it was told to stop (scripts/web-server/shutdown.mjs, the same symbol). */
export const isStopping = () => Boolean((globalThis as Record<symbol, unknown>)[Symbol.for("yibao.web.stopping")]);

export async function checkReadiness(
  probes: {
    db: () => Promise<unknown>;
    search: () => Promise<unknown>;
    worker: () => Promise<{ ageSeconds: number } | null>;
    feedLag: () => Promise<number[]>;
    stopping?: () => boolean;
  },
  limits: { workerSeconds: number; feedLagSeconds: number },
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<Readiness> {
  const health = await checkHealth(probes, timeoutMs);
  let worker: { ageSeconds: number } | null = null;
  let lag: number[] = [];
  if (health.db === "ok") {
    [worker, lag] = await Promise.all([probes.worker().catch(() => null), probes.feedLag().catch(() => [])]);
  }
  const reasons: ReadyReason[] = [];
  if (probes.stopping?.()) reasons.push("stopping");
  if (health.db === "down") reasons.push("db_down");
  if (health.search === "down") reasons.push("search_down");
  if (health.db === "ok" && !worker) reasons.push("worker_unseen");
  if (worker && worker.ageSeconds > limits.workerSeconds) reasons.push("worker_stale");
  if (lag.some((s) => s > limits.feedLagSeconds)) reasons.push("feed_lag");
  return {
    status: reasons.length ? "not_ready" : "ready",
    reasons,
    db: health.db,
    search: health.search,
    workerSeenSecondsAgo: worker ? Math.round(worker.ageSeconds) : null,
    feedLagSeconds: lag.map((s) => Math.round(s)),
  };
}
