// The one bootstrap of the outbox worker, for `npm run worker` (alone, in production) and for the worker
// process `npm start` supervises: search settings on every instance, the page-refresh settings, then the
// worker's loops. Nothing a lost connection does is fatal here — the loops retry in place, and if the
// worker itself gives up it is started again with a growing pause; only a stop request ends it.
import "server-only";
import { loadSearchVocabulary } from "../content/load.ts";
import { getDb } from "../db/client.ts";
import type { Env } from "../env.ts";
import { pageRevalidation } from "../outbox/pages.ts";
import { runWorker } from "../outbox/worker.ts";
import { ensureIndex, getIndexes, getSearchClient } from "../search/client.ts";

export type WorkerTarget = { databaseUrl: string; meiliUrls: string[]; meiliKey: string | undefined };

export async function runWorkerProcess(env: Env, target: WorkerTarget, o: { log: (line: string) => void; signal: AbortSignal }): Promise<void> {
  const { log, signal } = o;
  const { vocabulary } = await loadSearchVocabulary(env.contentDir);
  // An instance that is down now is created and filled by its feed when it comes back.
  for (const url of target.meiliUrls) {
    await ensureIndex(getSearchClient(url, target.meiliKey), env.MEILI_INDEX, vocabulary).catch((err: Error) => log(`${url} unavailable for now (${err.message})`));
  }
  const pages = await pageRevalidation(env, log);
  log("running (Ctrl-C to stop)");
  for (let attempt = 0; !signal.aborted; attempt++) {
    const started = Date.now();
    try {
      await runWorker({
        databaseUrl: target.databaseUrl,
        db: getDb(target.databaseUrl),
        index: getIndexes(target.meiliUrls, target.meiliKey, env.MEILI_INDEX),
        vocabulary,
        synonyms: vocabulary.synonyms,
        signal,
        log,
        pages,
      });
    } catch (e) {
      if (signal.aborted) break;
      // A worker that ran a while before failing starts its pauses from the beginning again.
      if (Date.now() - started > 60_000) attempt = 0;
      const pause = Math.min(30_000, 500 * 2 ** attempt);
      log(`worker stopped (${(e as Error).message.replace(/\s+/g, " ").trim()}); starting it again in ${pause / 1000} s`);
      await new Promise((r) => setTimeout(r, pause));
    }
  }
}
