// The search log (for content-gap reports), written in small batches: one insert per search would put
// a Postgres write on every request's path. At most a second of entries is lost if the process dies.
import type { Db } from "../db/client.ts";

export type SearchLogEntry = { query: string; kind: string; filters: Record<string, unknown>; hits: number; mode: string };

const FLUSH_MS = 1000;
const MAX_BUFFER = 200;
const buffers = new Map<Db, SearchLogEntry[]>();

export function logSearch(db: Db, entry: SearchLogEntry) {
  let buffer = buffers.get(db);
  if (!buffer) {
    buffers.set(db, (buffer = []));
    setTimeout(() => void flush(db), FLUSH_MS).unref();
  }
  buffer.push(entry);
  if (buffer.length >= MAX_BUFFER) void flush(db);
}

export async function flush(db: Db) {
  const entries = buffers.get(db);
  buffers.delete(db);
  if (!entries?.length) return;
  try {
    await db.searchLog.createMany({ data: entries.map((e) => ({ ...e, filters: JSON.parse(JSON.stringify(e.filters)) })) });
  } catch (e) {
    console.error(`search log: ${entries.length} entries not written: ${(e as Error).message}`);
  }
}
