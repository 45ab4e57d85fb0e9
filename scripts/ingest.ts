// npm run ingest — content/ → Postgres (+ outbox) → Meilisearch. Exits non-zero when a file is invalid.
import { runIngest } from "../lib/content/run-ingest.ts";
import { closeDb } from "../lib/db/client.ts";
import { env } from "../lib/env.ts";
import { pageRevalidation } from "../lib/outbox/pages.ts";
import { openStack } from "../lib/servers/stack.ts";
import { exitOnEnvError } from "./env-guard.ts";

const e = exitOnEnvError(env);
const stack = await openStack(e, { log: (m) => console.error(m) });
let code = 0;
try {
  // A running site refreshes the pages this changes; with none running there is nothing to refresh.
  const pages = { ...(await pageRevalidation(e)), attempts: 1, log: () => {} };
  const report = await runIngest({ contentDir: e.contentDir, databaseUrl: stack.databaseUrl, meiliUrls: stack.meiliUrls, meiliKey: stack.meiliKey, indexName: e.MEILI_INDEX, pages });
  code = report.errors.length || report.indexError ? 1 : 0;
} catch (err) {
  console.error(`ingest failed: ${(err as Error).message}`);
  code = 1;
} finally {
  await closeDb(stack.databaseUrl);
  await stack.stop();
}
process.exit(code);
