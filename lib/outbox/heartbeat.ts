// The worker's sign of life, kept in Postgres so that every web instance can tell whether a worker is
// running anywhere (readiness, lib/site/health.ts) and how far behind the search feeds are. Written by
// a loop of its own: it proves the worker's event loop and its Postgres connections work, while a
// stuck feed shows up as feed lag instead.
import "server-only";
import type { Db } from "../db/client.ts";

const KEY = "worker_heartbeat";
export const HEARTBEAT_MS = 5000;

export type Heartbeat = {
  pid: number;
  /** When this worker started (ISO). */
  since: string;
  /** Last successful pass of the first search feed (ISO), if any yet. */
  lastFeedPass: string | null;
  /** Milliseconds that pass took. */
  lastFeedMs: number | null;
  /** Of the last pass that applied changes: the longest a change waited from its commit to searchable. */
  lastSearchableMs?: number | null;
};

export async function beat(db: Db, h: Heartbeat): Promise<void> {
  const value = JSON.stringify(h);
  await db.appState.upsert({ where: { key: KEY }, create: { key: KEY, value }, update: { value, updatedAt: new Date() } });
}

/** The newest heartbeat of any worker and its age in seconds; null when no worker ever ran here. */
export async function lastHeartbeat(db: Db): Promise<{ heartbeat: Heartbeat; ageSeconds: number } | null> {
  const row = await db.appState.findUnique({ where: { key: KEY } });
  if (!row) return null;
  try {
    return { heartbeat: JSON.parse(row.value) as Heartbeat, ageSeconds: Math.max(0, (Date.now() - row.updatedAt.getTime()) / 1000) };
  } catch {
    return null;
  }
}

/**
 * How far the search feeds of these instances ("<url>/<index>", lib/search's instanceOf) are behind: per
 * feed, the age in seconds of the oldest outbox row it has not applied (0 when caught up; a feed that
 * never ran counts from the oldest row). In the order given; numbers only, as the answer may reach the
 * public. Feeds of instances no longer configured are left out: nothing will ever feed them.
 */
export async function feedLag(db: Db, instances: string[]): Promise<number[]> {
  const rows = await db.$queryRaw<{ instance: string; lag: number | null }[]>`
    SELECT i.instance, EXTRACT(EPOCH FROM (now() - MIN(o.created_at)))::float8 AS lag
    FROM unnest(${instances}::text[]) AS i(instance)
    LEFT JOIN search_feeds f ON f.instance = i.instance
    LEFT JOIN outbox o ON o.id > COALESCE(f.position, 0)
    GROUP BY i.instance`;
  const lag = new Map(rows.map((r) => [r.instance, Math.max(0, r.lag ?? 0)]));
  return instances.map((i) => lag.get(i) ?? 0);
}
