// The analytics jobs of the worker: searches and clicks older than the retention window removed, old
// salts and throttle windows dropped, searches filed under their content gaps and the gaps recounted.
import "server-only";
import { dropOldWindows } from "../asks/throttle.ts";
import type { Db } from "../db/client.ts";
import { fileSearches, rebuildGaps } from "./gaps.ts";
import { dropOldSalts } from "../privacy/client-hash.ts";

export async function dropOldSearches(db: Db, retentionDays: number, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - retentionDays * 86_400_000);
  const [log, clicks] = await db.$transaction([
    db.$executeRawUnsafe(`DELETE FROM search_log WHERE created_at < $1`, before),
    db.$executeRawUnsafe(`DELETE FROM search_clicks WHERE created_at < $1`, before),
  ]);
  return log + clicks;
}

export async function analyticsPass(db: Db, o: { synonyms: string[][]; retentionDays: number; now?: Date }) {
  const removed = await dropOldSearches(db, o.retentionDays, o.now);
  await dropOldSalts(db, o.now);
  await dropOldWindows(db, o.now?.getTime());
  const filed = await fileSearches(db, o.synonyms);
  const gaps = await rebuildGaps(db);
  return { removed, filed, gaps };
}
