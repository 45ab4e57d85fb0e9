// npm run worker — the outbox worker alone (production): keeps Meilisearch and related questions in step
// with Postgres. `npm start` runs the same worker beside the site. Stops on Ctrl-C / SIGTERM.
import { loadSearchVocabulary } from "../lib/content/load.ts";
import { closeDb, getDb } from "../lib/db/client.ts";
import { env } from "../lib/env.ts";
import { pageRevalidation } from "../lib/outbox/pages.ts";
import { runWorker } from "../lib/outbox/worker.ts";
import { ensureIndex, getIndex, getSearchClient } from "../lib/search/client.ts";
import { openStack } from "../lib/servers/stack.ts";
import { exitOnEnvError } from "./env-guard.ts";

const e = exitOnEnvError(env);
const log = (m: string) => console.log(`[worker] ${m}`);
const stack = await openStack(e, { log });
const abort = new AbortController();
for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => abort.abort());
try {
  const { vocabulary } = await loadSearchVocabulary(e.contentDir);
  const client = getSearchClient(stack.meiliUrl, stack.meiliKey);
  await ensureIndex(client, e.MEILI_INDEX, vocabulary);
  log("running (Ctrl-C to stop)");
  await runWorker({
    databaseUrl: stack.databaseUrl,
    db: getDb(stack.databaseUrl),
    index: getIndex(client, e.MEILI_INDEX),
    synonyms: vocabulary.synonyms,
    signal: abort.signal,
    log,
    pages: await pageRevalidation(e, log),
  });
} finally {
  await closeDb(stack.databaseUrl);
  await stack.stop();
}
log("stopped");
process.exit(0);
