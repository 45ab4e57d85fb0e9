// Every reaction to a content change, each as one pass: the search feed of each Meilisearch instance
// (with the cached pages its batches touch), related questions (with their pages) and the search
// lexicon, and the minutes-scale analytics jobs. The worker runs each in a loop of its own; ingest runs
// them once after writing (`drainOnce`), feeding search alongside its writes. A new reaction is added
// here, once, and both get it.
import "server-only";
import { analyticsPass } from "../analytics/retention.ts";
import { refreshRelations, type RelationsReport } from "../articles/relations.ts";
import type { Db } from "../db/client.ts";
import { acquireLock } from "../db/lock.ts";
import type { SearchVocabulary } from "../domain/schema.ts";
import { env } from "../env.ts";
import type { SearchIndex } from "../search/client.ts";
import { refreshLexicon } from "../search/lexicon-store.ts";
import { type PageRevalidation, revalidatePages } from "./pages.ts";
import { articleTag, changeTags } from "./page-tags.ts";
import { type ChangedBatch, feedSearch, searchFeedLock } from "./search-feed.ts";

export const RELATIONS_LOCK = "outbox:relations";
export const ANALYTICS_LOCK = "analytics";
/** The search lexicon is rebuilt at most this often (seconds of CPU at 100,000 articles). */
const LEXICON_MIN_AGE_MS = 5 * 60_000;

/** One pass of the analytics jobs (retention, gap clustering), under its lock; null when another worker is at it. */
export async function analyticsOnce(databaseUrl: string, db: Db, synonyms: string[][], retentionDays = env().SEARCH_LOG_RETENTION_DAYS) {
  const lock = await acquireLock(databaseUrl, ANALYTICS_LOCK);
  if (!lock) return null;
  try {
    return await analyticsPass(db, { synonyms, retentionDays });
  } finally {
    await lock.release();
  }
}

/**
 * One pass of one instance's search feed, under its lock. Returns null when another feeder holds it.
 * `pages`: the web servers to tell which cached pages the batches make stale.
 */
export async function feedOnce(
  databaseUrl: string,
  db: Db,
  index: SearchIndex,
  opts: { wait?: boolean; vocabulary?: SearchVocabulary; force?: boolean; pages?: PageRevalidation } = {},
) {
  const lock = await acquireLock(databaseUrl, searchFeedLock(index), { wait: opts.wait });
  if (!lock) return null;
  // Pages read Postgres: they are refreshed as soon as a batch is read, while Meilisearch indexes it.
  const refreshing: Promise<unknown>[] = [];
  const pages = opts.pages;
  const onChanged = pages ? (b: ChangedBatch) => void refreshing.push(revalidatePages(pages, changeTags(b))) : undefined;
  try {
    return await feedSearch(db, index, lock, { vocabulary: opts.vocabulary, force: opts.force, onChanged });
  } finally {
    await lock.release();
    await Promise.all(refreshing);
  }
}

/** One recomputation of dirty related questions, under its lock; null when another worker is at it. */
export async function relationsOnce(databaseUrl: string, db: Db, synonyms: string[][], opts: { wait?: boolean } = {}) {
  const lock = await acquireLock(databaseUrl, RELATIONS_LOCK, { wait: opts.wait });
  if (!lock) return null;
  try {
    return await refreshRelations(db, synonyms);
  } finally {
    await lock.release();
  }
}

export type AfterChangesReport = { relations: RelationsReport | null; lexicon: { rebuilt: boolean; words: number; ms: number } | null; lexiconError?: string };

/**
 * What follows the search feed: related questions recomputed (and the pages whose lists changed told),
 * then the search lexicon brought up to date with the public content (a no-op when that did not change,
 * at most every few minutes). A lexicon failure is reported, never thrown: the relations are done.
 */
export async function afterChanges(
  databaseUrl: string,
  db: Db,
  o: { synonyms: string[][]; pages?: PageRevalidation; wait?: boolean },
): Promise<AfterChangesReport> {
  const relations = await relationsOnce(databaseUrl, db, o.synonyms, { wait: o.wait });
  if (o.pages && relations?.changed.length) await revalidatePages(o.pages, relations.changed.map(articleTag));
  try {
    return { relations, lexicon: await refreshLexicon(db, { minAgeMs: LEXICON_MIN_AGE_MS }) };
  } catch (e) {
    return { relations, lexicon: null, lexiconError: (e as Error).message };
  }
}

/** Tells the web servers about the batches a search feed applied (ingest collects them while feeding). */
export async function revalidateChanged(pages: PageRevalidation | undefined, batches: ChangedBatch[]): Promise<void> {
  if (!pages || !batches.length) return;
  await revalidatePages(pages, changeTags({ articleIds: batches.flatMap((c) => c.articleIds), slugs: batches.flatMap((c) => c.slugs) }));
}
