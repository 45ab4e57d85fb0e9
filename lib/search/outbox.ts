// Applies search_outbox rows to Meilisearch. Idempotent: each row says which slug changed; the document
// is rebuilt from Postgres at drain time, so replaying a row (after a crash) sends the same state again.
import { articlesBySlug } from "../articles/read.ts";
import type { Db } from "../db/client.ts";
import { awaitTask, enqueueDocuments, enqueueRemoval, type SearchIndex } from "./client.ts";
import { SEARCH_DOCUMENT_VERSION, toSearchDocument } from "./document.ts";

const VERSION_KEY = "search_document_version";

/**
 * Queues every public article when the index no longer matches Postgres wholesale: the document shape
 * changed (SEARCH_DOCUMENT_VERSION) or the index is empty while articles exist (a new or wiped
 * Meilisearch). Returns how many were queued.
 */
export async function requeueIfStale(db: Db, index: SearchIndex): Promise<number> {
  const state = await db.appState.findUnique({ where: { key: VERSION_KEY } });
  let stale = state?.value !== SEARCH_DOCUMENT_VERSION;
  if (!stale) {
    // One document fetched, not getStats(): stats compute a field distribution over the whole index.
    const empty = (await index.getDocuments({ limit: 1, fields: ["id"] })).total === 0;
    stale = empty && (await pendingOutbox(db)) === 0 && (await db.article.count({ where: { status: { not: "draft" } } })) > 0;
  }
  if (!stale) return 0;
  const [queued] = await db.$transaction(
    [
      db.$executeRawUnsafe(`INSERT INTO search_outbox (slug, op) SELECT slug, 'upsert' FROM articles WHERE status <> 'draft'`),
      db.appState.upsert({ where: { key: VERSION_KEY }, create: { key: VERSION_KEY, value: SEARCH_DOCUMENT_VERSION }, update: { value: SEARCH_DOCUMENT_VERSION, updatedAt: new Date() } }),
    ],
    { timeout: 60_000 },
  );
  return queued;
}

export type DrainReport = { rows: number; upserted: number; deleted: number };

export async function pendingOutbox(db: Db): Promise<number> {
  const [r] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM search_outbox`);
  return Number(r?.n ?? 0);
}

/**
 * Sends every pending outbox row to Meilisearch, then deletes the rows whose tasks succeeded. Batches
 * are queued without waiting for each to be indexed (up to `inFlight` at once): Meilisearch merges
 * consecutive document tasks into one indexing pass, which is much faster than one pass per batch.
 */
export async function drainOutbox(
  db: Db,
  index: SearchIndex,
  opts: {
    batchSize?: number;
    inFlight?: number;
    onBatch?: (done: number) => void;
    /** While this returns true an empty outbox means "wait for more" (rows are still being written). */
    more?: () => boolean;
  } = {},
): Promise<DrainReport> {
  const batchSize = opts.batchSize ?? 2000;
  const inFlight = opts.inFlight ?? 16;
  const report: DrainReport = { rows: 0, upserted: 0, deleted: 0 };
  const pending: { ids: string[]; tasks: number[]; upserted: number; deleted: number }[] = [];
  const settle = async () => {
    const batch = pending.shift()!;
    for (const uid of batch.tasks) await awaitTask(index, uid);
    await db.$executeRawUnsafe(`DELETE FROM search_outbox WHERE id = ANY($1::bigint[])`, batch.ids);
    report.rows += batch.ids.length;
    report.upserted += batch.upserted;
    report.deleted += batch.deleted;
    opts.onBatch?.(report.rows);
  };
  let lastId = "0";
  for (;;) {
    const rows = await db.$queryRawUnsafe<{ id: bigint; slug: string; op: string }[]>(
      `SELECT id, slug, op FROM search_outbox WHERE id > $1::bigint ORDER BY id LIMIT $2`,
      lastId,
      batchSize,
    );
    if (!rows.length) {
      if (!opts.more?.()) break;
      if (pending.length) await settle();
      else await new Promise((r) => setTimeout(r, 50));
      continue;
    }
    lastId = rows[rows.length - 1]!.id.toString();
    // Only the last row per slug matters within a batch; batches are queued in order, so across
    // batches the later one wins in Meilisearch too.
    const last = new Map<string, string>();
    for (const r of rows) last.set(r.slug, r.op);
    const wanted = [...last].filter(([, op]) => op === "upsert").map(([slug]) => slug);
    const found = (await articlesBySlug(db, wanted)).filter((a) => a.status !== "draft");
    const foundSlugs = new Set(found.map((a) => a.slug));
    // An upsert whose article has since disappeared (or become a draft) is a delete.
    const deletes = [...last.keys()].filter((slug) => !foundSlugs.has(slug));
    const tasks = [await enqueueDocuments(index, found.map(toSearchDocument)), await enqueueRemoval(index, deletes)].filter((t): t is number => t !== null);
    pending.push({ ids: rows.map((r) => r.id.toString()), tasks, upserted: found.length, deleted: deletes.length });
    if (pending.length >= inFlight) await settle();
  }
  while (pending.length) await settle();
  return report;
}
