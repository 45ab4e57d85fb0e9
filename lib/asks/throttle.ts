// Per-client limits on public writes, in Postgres (shared by every app instance): fixed windows, one
// upsert per window, counted even when refused so that hammering keeps a client out.
import "server-only";
import type { Db } from "../db/client.ts";

export type Limit = { windowMs: number; max: number };

/** A reader asks a few questions at a time; twenty in a row is a script. */
export const ASK_LIMITS: Limit[] = [
  { windowMs: 10 * 60_000, max: 3 },
  { windowMs: 24 * 60 * 60_000, max: 10 },
];

/** Counts one request of `key`; returns the limit it breaks, or null when it is allowed. */
export async function takeToken(db: Db, key: string, limits: Limit[], now = Date.now()): Promise<Limit | null> {
  const rows = limits.map((l) => ({ key: `${key}:${l.windowMs}`, window_start: new Date(now - (now % l.windowMs)).toISOString() }));
  const counts = await db.$queryRawUnsafe<{ key: string; count: number }[]>(
    `INSERT INTO public_throttle (key, window_start, count)
     SELECT key, window_start, 1 FROM jsonb_to_recordset($1::jsonb) AS x(key text, window_start timestamptz)
     ON CONFLICT (key, window_start) DO UPDATE SET count = public_throttle.count + 1
     RETURNING key, count`,
    JSON.stringify(rows),
  );
  const byKey = new Map(counts.map((c) => [c.key, c.count]));
  return limits.find((l, i) => (byKey.get(rows[i]!.key) ?? 0) > l.max) ?? null;
}

/** Deletes windows that ended (the worker calls it). */
export async function dropOldWindows(db: Db, now = Date.now()): Promise<number> {
  const longest = Math.max(...ASK_LIMITS.map((l) => l.windowMs));
  return db.$executeRawUnsafe(`DELETE FROM public_throttle WHERE window_start < $1`, new Date(now - 2 * longest));
}
