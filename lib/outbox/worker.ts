// The outbox worker: applies content changes to everything that reacts to them — the search index
// (lib/outbox/search-feed), related questions (dirty markers, lib/articles/relations) and the search
// lexicon (lib/search/lexicon-store). Woken by
// Postgres NOTIFY when a change commits, and by a timer for retries. `npm start` runs it beside the
// site; `npm run worker` runs it alone (production: one or more per database, they take turns).
import "server-only";
import pg from "pg";
import { refreshRelations, relationsPending } from "../articles/relations.ts";
import type { Db } from "../db/client.ts";
import { acquireLock } from "../db/lock.ts";
import { OUTBOX_CHANNEL } from "../db/outbox.ts";
import type { SearchVocabulary } from "../domain/schema.ts";
import { instanceOf, type SearchIndex } from "../search/client.ts";
import { analyticsPass } from "../analytics/retention.ts";
import { env } from "../env.ts";
import { refreshLexicon } from "../search/lexicon-store.ts";
import { type PageRevalidation, revalidatePages } from "./pages.ts";
import { articleTag, changeTags } from "./page-tags.ts";
import { type ChangedBatch, feedSearch, searchFeedLock } from "./search-feed.ts";

export const RELATIONS_LOCK = "outbox:relations";
export const ANALYTICS_LOCK = "analytics";
/** The search lexicon is rebuilt at most this often (seconds of CPU at 100,000 articles). */
const LEXICON_MIN_AGE_MS = 5 * 60_000;

export type WorkerOptions = {
  databaseUrl: string;
  db: Db;
  /** The index on every Meilisearch instance (MEILI_URLS); each is fed on its own. */
  index: SearchIndex | SearchIndex[];
  /** Settings for an index a rebuild has to create. */
  vocabulary?: SearchVocabulary;
  /** Synonym groups of the search vocabulary (related-question similarity uses them). */
  synonyms: string[][];
  signal: AbortSignal;
  log?: (line: string) => void;
  /** How long to wait for a wake-up before looking anyway (retries whose backoff ran out). */
  pollMs?: number;
  /** Quiet time before related questions are recomputed, so a burst of saves is one recomputation. */
  relationsDelayMs?: number;
  /** The web servers whose cached pages to refresh after each applied batch. */
  pages?: PageRevalidation;
  /** How often search-log retention and the content-gap queue are brought up to date. */
  analyticsMs?: number;
  /** Days searches and clicks are kept; SEARCH_LOG_RETENTION_DAYS by default. */
  retentionDays?: number;
};

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

export async function runWorker(o: WorkerOptions): Promise<void> {
  const log = o.log ?? (() => {});
  const pollMs = o.pollMs ?? 5000;
  // Every loop that sleeps until the next change has its own sleeper; a notification wakes them all.
  const sleepers: { woken: boolean; wake: () => void }[] = [];
  const nudge = () => {
    for (const s of sleepers) {
      s.woken = true;
      s.wake();
    }
  };
  const sleeper = () => {
    const s = { woken: false, wake: () => {} };
    sleepers.push(s);
    return (ms: number) =>
      new Promise<void>((resolve) => {
        if (s.woken || o.signal.aborted) return resolve();
        const t = setTimeout(resolve, ms);
        s.wake = () => {
          clearTimeout(t);
          resolve();
        };
      }).then(() => {
        s.woken = false;
      });
  };
  o.signal.addEventListener("abort", nudge);

  // Notifications only shorten the wait; the loops poll anyway. A lost connection (Postgres restarted)
  // is opened again with a growing pause, and the loops are woken once it is back, for what committed
  // while nobody listened. The first connection failing stops the worker, as any start-up failure does.
  let listener: pg.Client | null = null;
  let relisten: ReturnType<typeof setTimeout> | undefined;
  const openListener = async (): Promise<pg.Client> => {
    const client = new pg.Client({ connectionString: o.databaseUrl, application_name: "outbox-worker" });
    let lost = false;
    let open = false;
    client.on("notification", nudge);
    // Before connect: an 'error' event nobody listens to would end the process. While opening, the
    // failure is the caller's (thrown below); once open, a loss is mended here.
    client.on("error", (e) => {
      if (lost) return;
      lost = true;
      if (listener === client) listener = null;
      void client.end().catch(() => {});
      if (!open || o.signal.aborted) return;
      log(`worker: notification connection lost (${e.message.replace(/\s+/g, " ").trim()}); polling every ${pollMs} ms until it is back`);
      listenAgain(1);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      // Lost in the same read as the answer to LISTEN: the handler above ran before this line.
      if (lost) throw new Error("notification connection lost while opening");
      open = true;
    } catch (e) {
      lost = true;
      await client.end().catch(() => {});
      throw e;
    }
    return client;
  };
  const listenAgain = (attempt: number) => {
    if (o.signal.aborted) return;
    relisten = setTimeout(async () => {
      if (o.signal.aborted) return;
      try {
        const client = await openListener();
        if (o.signal.aborted) return void (await client.end().catch(() => {}));
        listener = client;
        log("worker: notification connection back");
        nudge();
      } catch {
        listenAgain(attempt + 1);
      }
    }, Math.min(30_000, 500 * 2 ** attempt));
  };
  listener = await openListener();

  // Two loops: related questions can take seconds on a large corpus and must not delay search.
  let relationsWanted = true;
  const indexes = Array.isArray(o.index) ? o.index : [o.index];
  const searchLoop = async (index: SearchIndex) => {
    const sleep = sleeper();
    const name = indexes.length > 1 ? ` on ${instanceOf(index)}` : "";
    while (!o.signal.aborted) {
      try {
        // Pages are told once: by the first instance's feed (the others see the same rows).
        const r = await feedOnce(o.databaseUrl, o.db, index, { wait: false, vocabulary: o.vocabulary, pages: index === indexes[0] ? o.pages : undefined });
        if (r?.rebuiltBecause && r.rebuilt) log(`worker: search index${name} rebuilt from Postgres (${r.rebuilt} articles; ${r.rebuiltBecause})`);
        if (r?.rows) relationsWanted = true;
      } catch (e) {
        log(`worker: search index${name} not updated (${(e as Error).message}); retrying with backoff`);
      }
      await sleep(pollMs);
    }
  };
  const relationsLoop = async () => {
    while (!o.signal.aborted) {
      if (relationsWanted || (await relationsPending(o.db).catch(() => false))) {
        relationsWanted = false;
        await new Promise((r) => setTimeout(r, o.relationsDelayMs ?? 200));
        try {
          const r = await relationsOnce(o.databaseUrl, o.db, o.synonyms);
          if (r?.computed) log(`worker: related questions recomputed for ${r.computed} articles`);
          if (o.pages && r?.changed.length) await revalidatePages(o.pages, r.changed.map(articleTag));
        } catch (e) {
          log(`worker: related questions not recomputed (${(e as Error).message}); will retry`);
        }
        // The search lexicon follows the public content too; a no-op when that did not change.
        try {
          const l = await refreshLexicon(o.db, { minAgeMs: LEXICON_MIN_AGE_MS });
          if (l.rebuilt) log(`worker: search lexicon rebuilt (${l.words} words, ${l.ms} ms)`);
        } catch (e) {
          relationsWanted = true;
          log(`worker: search lexicon not rebuilt (${(e as Error).message}); will retry`);
        }
      }
      await new Promise((r) => setTimeout(r, Math.min(pollMs, 1000)));
    }
  };
  // Third loop: minutes-scale housekeeping of the search analytics, never in the way of the other two.
  const analyticsLoop = async () => {
    while (!o.signal.aborted) {
      try {
        const r = await analyticsOnce(o.databaseUrl, o.db, o.synonyms, o.retentionDays);
        if (r?.removed) log(`worker: ${r.removed} searches and clicks past the retention window removed`);
      } catch (e) {
        log(`worker: search analytics not updated (${(e as Error).message}); will retry`);
      }
      await sleepFor(o.analyticsMs ?? 60_000, o.signal);
    }
  };
  try {
    await Promise.all([...indexes.map(searchLoop), relationsLoop(), analyticsLoop()]);
  } finally {
    clearTimeout(relisten);
    await listener?.end().catch(() => {});
  }
}

function sleepFor(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done);
  });
}
