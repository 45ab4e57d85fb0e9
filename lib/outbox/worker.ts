// The outbox worker: runs every reaction to a content change (lib/outbox/drain.ts: the search feeds,
// related questions, the search lexicon, analytics) in loops of their own, and writes a heartbeat
// (lib/outbox/heartbeat.ts). Woken by
// Postgres NOTIFY when a change commits, and by a timer for retries. `npm start` runs it beside the
// site; `npm run worker` runs it alone (production: one or more per database, they take turns).
import "server-only";
import pg from "pg";
import { relationsPending } from "../articles/relations.ts";
import type { Db } from "../db/client.ts";
import { OUTBOX_CHANNEL } from "../db/outbox.ts";
import type { SearchVocabulary } from "../domain/schema.ts";
import { instanceOf, type SearchIndex } from "../search/client.ts";
import { afterChanges, analyticsOnce, feedOnce } from "./drain.ts";
import { beat, HEARTBEAT_MS, type Heartbeat } from "./heartbeat.ts";
import type { PageRevalidation } from "./pages.ts";


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

  // Notifications only shorten the wait; the loops poll anyway. A lost connection (Postgres restarted,
  // or a first connection dropped mid-handshake on a busy machine) is opened again with a growing pause,
  // and the loops are woken once it is back, for what committed while nobody listened. Never fatal: the
  // worker polls meanwhile.
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
  try {
    listener = await openListener();
  } catch (e) {
    log(`worker: notification connection not opened (${(e as Error).message.replace(/\s+/g, " ").trim()}); polling every ${pollMs} ms until it is`);
    listenAgain(1);
  }

  // Two loops: related questions can take seconds on a large corpus and must not delay search.
  let relationsWanted = true;
  const indexes = Array.isArray(o.index) ? o.index : [o.index];
  const heartbeat: Heartbeat = { pid: process.pid, since: new Date().toISOString(), lastFeedPass: null, lastFeedMs: null, lastSearchableMs: null };
  const searchLoop = async (index: SearchIndex) => {
    const sleep = sleeper();
    const name = indexes.length > 1 ? ` on ${instanceOf(index)}` : "";
    while (!o.signal.aborted) {
      try {
        const t0 = performance.now();
        // Pages are told once: by the first instance's feed (the others see the same rows).
        const r = await feedOnce(o.databaseUrl, o.db, index, { wait: false, vocabulary: o.vocabulary, pages: index === indexes[0] ? o.pages : undefined });
        if (index === indexes[0]) {
          Object.assign(heartbeat, { lastFeedPass: new Date().toISOString(), lastFeedMs: Math.round(performance.now() - t0) });
          if (r?.searchableMs !== undefined) heartbeat.lastSearchableMs = r.searchableMs;
        }
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
        const r = await afterChanges(o.databaseUrl, o.db, { synonyms: o.synonyms, pages: o.pages }).catch((e: Error) => {
          log(`worker: related questions not recomputed (${e.message}); will retry`);
          return null;
        });
        if (r?.relations?.computed) log(`worker: related questions recomputed for ${r.relations.computed} articles`);
        if (r?.lexicon?.rebuilt) log(`worker: search lexicon rebuilt (${r.lexicon.words} words, ${r.lexicon.ms} ms)`);
        if (!r || r.lexiconError) {
          relationsWanted = true;
          if (r?.lexiconError) log(`worker: search lexicon not rebuilt (${r.lexiconError}); will retry`);
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
  const heartbeatLoop = async () => {
    let failing = false;
    while (!o.signal.aborted) {
      try {
        await beat(o.db, heartbeat);
        if (failing) log("worker: heartbeat written again");
        failing = false;
      } catch (e) {
        if (!failing) log(`worker: heartbeat not written (${(e as Error).message.replace(/\s+/g, " ").trim()}); will retry`);
        failing = true;
      }
      await sleepFor(HEARTBEAT_MS, o.signal);
    }
  };
  try {
    await Promise.all([...indexes.map(searchLoop), relationsLoop(), analyticsLoop(), heartbeatLoop()]);
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
