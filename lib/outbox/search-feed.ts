// Feeds Meilisearch from the outbox. Idempotent: a row only says which article changed; its document is
// rebuilt from Postgres when the row is applied, so replaying a row (after a crash) sends the same state
// again. One feeder at a time per database (an advisory lock), so documents reach Meilisearch in the
// order their changes were read; rows are claimed with SKIP LOCKED and a lease besides.
import "server-only";
import { articlesById } from "../articles/read.ts";
import type { Db } from "../db/client.ts";
import type { HeldLock } from "../db/lock.ts";
import { claimOutbox, completeOutbox, failOutbox, type OutboxRow } from "../db/outbox.ts";
import { enqueueArticles } from "../db/outbox.ts";
import { isPublic, publicWhere } from "../domain/visibility.ts";
import { awaitTask, clearIndex, enqueueDocuments, enqueueRemoval, indexIsEmpty, type SearchIndex } from "../search/client.ts";
import { SEARCH_DOCUMENT_VERSION, toSearchDocument } from "../search/document.ts";

export const SEARCH_FEED_LOCK = "outbox:search";
const VERSION_KEY = "search_document_version";
const LEASE_MS = 10 * 60_000;

/** Sets the claims of a feeder that died aside; call with the feed lock held. */
export async function resetClaims(db: Db) {
  await db.$executeRawUnsafe(`UPDATE outbox SET claimed_until = NULL WHERE claimed_until IS NOT NULL`);
}

/**
 * Queues every public article when the index no longer matches Postgres wholesale: the document shape
 * changed (SEARCH_DOCUMENT_VERSION; the index is emptied first, since document ids may have changed
 * too) or the index is empty while public articles exist (a new or wiped Meilisearch). Call with the
 * feed lock held. Returns how many were queued.
 */
export async function requeueIfStale(db: Db, index: SearchIndex): Promise<number> {
  const state = await db.appState.findUnique({ where: { key: VERSION_KEY } });
  const shapeChanged = state?.value !== SEARCH_DOCUMENT_VERSION;
  const wiped = !shapeChanged && (await indexIsEmpty(index)) && (await db.outbox.count({ take: 1 })) === 0 && (await db.article.count({ where: publicWhere, take: 1 })) > 0;
  if (!shapeChanged && !wiped) return 0;
  if (shapeChanged) await clearIndex(index);
  const ids = (await db.article.findMany({ where: publicWhere, select: { id: true } })).map((a) => a.id);
  await db.$transaction([
    ...enqueueArticles(db, ids),
    db.appState.upsert({ where: { key: VERSION_KEY }, create: { key: VERSION_KEY, value: SEARCH_DOCUMENT_VERSION }, update: { value: SEARCH_DOCUMENT_VERSION, updatedAt: new Date() } }),
  ], { timeout: 60_000, maxWait: 30_000 });
  return ids.length;
}

export type FeedReport = { rows: number; upserted: number; deleted: number };

/** What a batch changed, for the page cache: the articles, and the slugs they now have. */
export type ChangedBatch = { articleIds: string[]; slugs: string[] };

/**
 * Applies every due outbox row to Meilisearch, then deletes the rows whose tasks succeeded. Batches are
 * queued without waiting for each to be indexed (up to `inFlight` at once): Meilisearch merges
 * consecutive document tasks into one indexing pass, much faster than one pass per batch. On a failure
 * the rows in flight get their error and a backoff, and the error is thrown.
 */
export async function feedSearch(
  db: Db,
  index: SearchIndex,
  lock: HeldLock,
  opts: {
    batchSize?: number;
    inFlight?: number;
    onBatch?: (done: number) => void;
    /** While this returns true an empty outbox means "wait for more" (rows are still being written). */
    more?: () => boolean;
    /** Told of each batch as soon as it is read from Postgres (pages need not wait for the index). */
    onChanged?: (batch: ChangedBatch) => void;
  } = {},
): Promise<FeedReport> {
  void lock; // proof that the caller holds the feed lock
  const batchSize = opts.batchSize ?? 2000;
  const inFlight = opts.inFlight ?? 16;
  const report: FeedReport = { rows: 0, upserted: 0, deleted: 0 };
  const pending: { rows: OutboxRow[]; tasks: number[]; upserted: number; deleted: number }[] = [];
  let claimed: OutboxRow[] = [];
  const settle = async () => {
    const batch = pending[0]!;
    for (const uid of batch.tasks) await awaitTask(index, uid);
    await completeOutbox(db, batch.rows.map((r) => r.id));
    pending.shift();
    report.rows += batch.rows.length;
    report.upserted += batch.upserted;
    report.deleted += batch.deleted;
    opts.onBatch?.(report.rows);
  };
  try {
    for (;;) {
      const rows = (claimed = await claimOutbox(db, batchSize, LEASE_MS));
      if (!rows.length) {
        if (pending.length) await settle();
        else if (opts.more?.()) await new Promise((r) => setTimeout(r, 50));
        else break;
        continue;
      }
      const ids = [...new Set(rows.map((r) => r.articleId))];
      const found = (await articlesById(db, ids)).filter((a) => isPublic(a.record.state));
      const foundIds = new Set(found.map((a) => a.id));
      // An article that is gone or no longer public leaves the index.
      const removed = ids.filter((id) => !foundIds.has(id));
      opts.onChanged?.({ articleIds: ids, slugs: found.map((a) => a.record.slug) });
      const docs = found.map((a) => toSearchDocument({ id: a.id, ...a.record }));
      const tasks = [await enqueueDocuments(index, docs), await enqueueRemoval(index, removed)].filter((t): t is number => t !== null);
      pending.push({ rows, tasks, upserted: docs.length, deleted: removed.length });
      claimed = [];
      if (pending.length >= inFlight) await settle();
    }
  } catch (e) {
    const ids = [...pending.flatMap((p) => p.rows), ...claimed].map((r) => r.id);
    await failOutbox(db, ids, (e as Error).message).catch(() => {});
    throw e;
  }
  return report;
}
