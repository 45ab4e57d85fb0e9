// The search log (for content-gap reports), written in small batches: one insert per search would put
// a Postgres write on every request's path. At most a second of entries is lost if the process dies.
import type { Db } from "../db/client.ts";

export type SearchLogEntry = {
  query: string;
  kind: string;
  filters: Record<string, unknown>;
  hits: number;
  mode: string;
  queryId?: string;
  /** What was sent to the engine (fillers removed). */
  normalized?: string;
  region?: string;
  insurance?: string;
  topic?: string;
  year?: number;
  latencyMs?: number;
  slugs?: string[];
  clientHash?: string;
  cause?: string | null;
};

/** A search this soon after a shorter one of the same client that it extends replaces it (typing). */
const PREFIX_WINDOW_MS = 15_000;

const FLUSH_MS = 1000;
const MAX_BUFFER = 200;
/** Consecutive single-row failures after which the database, not the data, is taken to be the problem. */
const GIVE_UP_AFTER = 3;
const buffers = new Map<Db, (SearchLogEntry & { at: number })[]>();

export function logSearch(db: Db, entry: SearchLogEntry) {
  let buffer = buffers.get(db);
  if (!buffer) {
    buffers.set(db, (buffer = []));
    setTimeout(() => void flush(db), FLUSH_MS).unref();
  }
  const at = Date.now();
  // Search-as-you-type clients send every keystroke: "深", "深圳", "深圳医保" is one search, the last.
  if (entry.clientHash && entry.normalized) {
    for (let i = buffer.length - 1; i >= 0; i--) {
      const prev = buffer[i]!;
      if (at - prev.at > PREFIX_WINDOW_MS) break;
      if (prev.clientHash === entry.clientHash && prev.normalized && prev.normalized !== entry.normalized && entry.normalized.startsWith(prev.normalized)) buffer.splice(i, 1);
    }
  }
  buffer.push({ ...entry, at });
  if (buffer.length >= MAX_BUFFER) void flush(db);
}

// Postgres text and jsonb cannot hold U+0000, and jsonb refuses an unpaired surrogate escape; a visitor
// can type either. They are dropped (NUL) or replaced (U+FFFD) so that the row can be written at all.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function storableText(s: string): string {
  return s.replace(UNSTORABLE, (c) => (c === "\u0000" ? "" : "\uFFFD"));
}

function storableJson(value: unknown): unknown {
  if (typeof value === "string") return storableText(value);
  if (Array.isArray(value)) return value.map(storableJson);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [storableText(k), storableJson(v)]));
  }
  return value;
}

function toRow(e: SearchLogEntry) {
  return {
    query: storableText(e.query),
    kind: storableText(e.kind),
    mode: storableText(e.mode),
    hits: e.hits,
    // Through JSON first: undefined filters are dropped, as the column stores them.
    filters: storableJson(JSON.parse(JSON.stringify(e.filters ?? {}))) as object,
    queryId: e.queryId ?? null,
    normalized: storableText(e.normalized ?? ""),
    region: e.region ?? null,
    insurance: e.insurance ?? null,
    topic: e.topic === undefined ? null : storableText(e.topic),
    year: e.year ?? null,
    latencyMs: e.latencyMs ?? null,
    slugs: e.slugs ?? [],
    clientHash: e.clientHash ?? null,
    cause: e.cause ?? null,
  };
}

export async function flush(db: Db) {
  const entries = buffers.get(db);
  buffers.delete(db);
  if (!entries?.length) return;
  const rows = entries.map(toRow);
  try {
    await db.searchLog.createMany({ data: rows });
    return;
  } catch (e) {
    if (rows.length === 1) {
      console.error(`search log: 1 entry not written: ${(e as Error).message}`);
      return;
    }
  }
  // One row Postgres still refuses must not cost the others theirs: write them one by one.
  let lost = 0;
  let failedInARow = 0;
  let firstError = "";
  for (const [i, row] of rows.entries()) {
    if (failedInARow >= GIVE_UP_AFTER) {
      lost += rows.length - i;
      break;
    }
    try {
      await db.searchLog.create({ data: row });
      failedInARow = 0;
    } catch (e) {
      lost++;
      failedInARow++;
      firstError ||= (e as Error).message.replace(/\s+/g, " ").trim(); // Prisma's messages span lines
    }
  }
  if (lost) console.error(`search log: ${lost} of ${rows.length} entries not written: ${firstError}`);
}
