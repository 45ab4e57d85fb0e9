// Feeds Meilisearch from the outbox — one feed per instance and index (MEILI_URLS), each with its own
// position in the outbox (search_feeds), so a slow or dead instance holds up no other. Idempotent: a
// row only says which article changed; its document is rebuilt from Postgres when the row is applied,
// so replaying rows (after a crash) sends the same state again. One feeder per instance at a time (an
// advisory lock), so documents reach an instance in the order their changes committed. Rows are
// deleted once every live feed has passed them.
//
// An instance that no longer matches Postgres wholesale — new, wiped, restarted from an older state,
// behind rows already pruned, or fed an older document shape — is rebuilt from Postgres into a fresh
// index that is swapped in, and its feed continues from where the outbox stood when the rebuild began.
import "server-only";
import { articlesById } from "../articles/read.ts";
import type { Db } from "../db/client.ts";
import type { HeldLock } from "../db/lock.ts";
import { OUTBOX_PRUNED_KEY, outboxAfter, outboxHead } from "../db/outbox.ts";
import type { SearchVocabulary } from "../domain/schema.ts";
import { isPublic, publicWhere } from "../domain/visibility.ts";
import {
  awaitTask,
  clearIndex,
  enqueueDocuments,
  enqueueRemoval,
  ensureIndexOf,
  indexExists,
  indexIsEmpty,
  instanceOf,
  latestTaskUid,
  replaceIndex,
  type SearchIndex,
} from "../search/client.ts";
import { SEARCH_DOCUMENT_VERSION, toSearchDocument } from "../search/document.ts";

export const searchFeedLock = (index: SearchIndex) => `outbox:search:${instanceOf(index)}`;
/** A feed without a successful pass for this long stops holding back the pruning (it rebuilds on return). */
const LIVE_FOR = "1 day";
const MAX_BACKOFF_MS = 30_000;

type Feed = { position: bigint; docVersion: string | null; lastTaskUid: bigint | null; attempts: number; retryAt: Date };

const loadFeed = (db: Db, instance: string): Promise<Feed | null> => db.searchFeed.findUnique({ where: { instance } });

/** Why the instance must be rebuilt from Postgres, or null when its feed can simply go on. */
export async function staleReason(db: Db, index: SearchIndex, feed: Feed | null): Promise<string | null> {
  if (!feed) return "a new instance";
  if (feed.docVersion !== SEARCH_DOCUMENT_VERSION) return "the document shape changed";
  const pruned = await db.appState.findUnique({ where: { key: OUTBOX_PRUNED_KEY } });
  if (pruned && feed.position < BigInt(pruned.value)) return "it missed changes no longer in the outbox";
  if (!(await indexExists(index))) return "its index is missing";
  const latest = await latestTaskUid(index);
  if (feed.lastTaskUid !== null && (latest === null || BigInt(latest) < feed.lastTaskUid)) return "it lost data (restarted empty or from an older state)";
  if ((await indexIsEmpty(index)) && (await db.article.count({ where: publicWhere, take: 1 })) > 0) return "its index is empty";
  return null;
}

/** Sends every public article to a fresh index and swaps it in; the feed then continues from the outbox head. */
async function rebuild(db: Db, index: SearchIndex, vocabulary: SearchVocabulary | undefined, onBatch?: (done: number) => void): Promise<number> {
  const head = await outboxHead(db);
  const ids = (await db.article.findMany({ where: publicWhere, select: { id: true }, orderBy: { id: "asc" } })).map((a) => a.id);
  if (!ids.length) {
    if (!(await indexExists(index))) await ensureIndexOf(index, vocabulary);
    else if (!(await indexIsEmpty(index))) await clearIndex(index);
  } else {
    await replaceIndex(
      index,
      async (fresh) => {
        const tasks: number[] = [];
        for (let i = 0; i < ids.length; i += 2000) {
          const found = (await articlesById(db, ids.slice(i, i + 2000))).filter((a) => isPublic(a.record.state));
          const task = await enqueueDocuments(fresh, found.map((a) => toSearchDocument({ id: a.id, ...a.record })));
          if (task !== null) tasks.push(task);
          onBatch?.(Math.min(i + 2000, ids.length));
        }
        for (const uid of tasks) await awaitTask(fresh, uid);
      },
      vocabulary,
    );
  }
  const instance = instanceOf(index);
  const fields = { position: head, docVersion: SEARCH_DOCUMENT_VERSION, lastTaskUid: await latestTaskUid(index).then((u) => (u === null ? null : BigInt(u))), attempts: 0, lastError: null, retryAt: new Date(), updatedAt: new Date() };
  await db.searchFeed.upsert({ where: { instance }, create: { instance, ...fields }, update: fields });
  return ids.length;
}

/** Deletes the rows every live feed has applied, remembering how far (a feed behind that rebuilds). */
export async function pruneOutbox(db: Db): Promise<void> {
  await db.$executeRawUnsafe(
    `WITH live AS (SELECT min(position) AS p FROM search_feeds WHERE updated_at > now() - interval '${LIVE_FOR}'),
          gone AS (DELETE FROM outbox WHERE id <= (SELECT p FROM live) RETURNING id)
     INSERT INTO app_state (key, value, updated_at) SELECT $1, max(id)::text, now() FROM gone HAVING count(*) > 0
     ON CONFLICT (key) DO UPDATE SET value = greatest(app_state.value::bigint, EXCLUDED.value::bigint)::text, updated_at = now()`,
    OUTBOX_PRUNED_KEY,
  );
}

export type FeedReport = {
  rows: number;
  upserted: number;
  deleted: number;
  /** Articles sent by a rebuild from Postgres (0 when the instance only needed the new rows). */
  rebuilt: number;
  rebuiltBecause?: string;
  /** True when the pass was skipped: the instance failed recently and its backoff has not run out. */
  backingOff?: boolean;
  /** The longest a change applied in this pass waited from its commit until it was searchable (ms). */
  searchableMs?: number;
};

/** What a batch changed, for the page cache: the articles, and the slugs they now have. */
export type ChangedBatch = { articleIds: string[]; slugs: string[] };

/**
 * Applies the outbox rows after this instance's position, rebuilding it first when it is stale.
 * Batches are queued without waiting for each to be indexed (up to `inFlight` at once): Meilisearch
 * merges consecutive document tasks into one indexing pass. The position moves when a batch's tasks have
 * succeeded; on a failure the feed gets the error and a backoff, and the error is thrown.
 */
export async function feedSearch(
  db: Db,
  index: SearchIndex,
  lock: HeldLock,
  opts: {
    batchSize?: number;
    inFlight?: number;
    onBatch?: (done: number) => void;
    /**
     * While this returns true an empty outbox means "wait for more" (rows are still being written). It
     * must turn false only after the last write has committed: the feed then reads once more and stops.
     */
    more?: () => boolean;
    /** Settings for an index that has to be created (a rebuild); else the live index's are kept. */
    vocabulary?: SearchVocabulary;
    /** Feed even while backing off after a failure (an explicit ingest). */
    force?: boolean;
    /** Told of each batch as soon as it is read from Postgres (pages need not wait for the index). */
    onChanged?: (batch: ChangedBatch) => void;
  } = {},
): Promise<FeedReport> {
  void lock; // proof that the caller holds this instance's feed lock
  const instance = instanceOf(index);
  const batchSize = opts.batchSize ?? 2000;
  const inFlight = opts.inFlight ?? 16;
  const report: FeedReport = { rows: 0, upserted: 0, deleted: 0, rebuilt: 0 };
  let feed = await loadFeed(db, instance);
  if (feed && feed.attempts > 0 && feed.retryAt > new Date() && !opts.force) return { ...report, backingOff: true };
  const pending: { upto: bigint; rows: number; tasks: number[]; upserted: number; deleted: number; oldest: Date }[] = [];
  try {
    const reason = await staleReason(db, index, feed);
    if (reason) {
      report.rebuilt = await rebuild(db, index, opts.vocabulary, opts.onBatch);
      report.rebuiltBecause = reason;
      feed = await loadFeed(db, instance);
    }
    let position = feed!.position;
    const settle = async () => {
      const batch = pending[0]!;
      for (const uid of batch.tasks) await awaitTask(index, uid);
      await db.searchFeed.update({
        where: { instance },
        data: { position: batch.upto, lastTaskUid: BigInt(Math.max(...batch.tasks)), attempts: 0, lastError: null, updatedAt: new Date() },
      });
      pending.shift();
      report.searchableMs = Math.max(report.searchableMs ?? 0, Date.now() - batch.oldest.getTime());
      report.rows += batch.rows;
      report.upserted += batch.upserted;
      report.deleted += batch.deleted;
      opts.onBatch?.(report.rows);
    };
    for (;;) {
      // Asked before the read, not after: a writer that says "done" has committed, so a read that starts
      // after that answer sees its last rows. Asked after an empty read, "done" could come from a commit
      // that landed while the read was under way, and those rows would be left behind.
      const moreComing = opts.more?.() ?? false;
      const rows = await outboxAfter(db, position, batchSize);
      if (!rows.length) {
        if (pending.length) await settle();
        else if (moreComing) await new Promise((r) => setTimeout(r, 50));
        else break;
        continue;
      }
      position = rows.at(-1)!.id;
      const ids = [...new Set(rows.map((r) => r.articleId))];
      const found = (await articlesById(db, ids)).filter((a) => isPublic(a.record.state));
      const foundIds = new Set(found.map((a) => a.id));
      // An article that is gone or no longer public leaves the index.
      const removed = ids.filter((id) => !foundIds.has(id));
      opts.onChanged?.({ articleIds: ids, slugs: found.map((a) => a.record.slug) });
      const docs = found.map((a) => toSearchDocument({ id: a.id, ...a.record }));
      const tasks = [await enqueueDocuments(index, docs), await enqueueRemoval(index, removed)].filter((t): t is number => t !== null);
      pending.push({ upto: position, rows: rows.length, tasks, upserted: docs.length, deleted: removed.length, oldest: rows[0]!.createdAt });
      if (pending.length >= inFlight) await settle();
    }
    // A pass with nothing to do still counts as the feed being alive (for pruning), written once a minute.
    await db.searchFeed.updateMany({
      where: { instance, OR: [{ attempts: { gt: 0 } }, { updatedAt: { lt: new Date(Date.now() - 60_000) } }] },
      data: { attempts: 0, lastError: null, updatedAt: new Date() },
    });
  } catch (e) {
    const attempts = (feed?.attempts ?? 0) + 1;
    await db.searchFeed
      .updateMany({ where: { instance }, data: { attempts, lastError: (e as Error).message.slice(0, 2000), retryAt: new Date(Date.now() + Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(attempts, 12))) } })
      .catch(() => {});
    throw e;
  }
  await pruneOutbox(db);
  return report;
}
