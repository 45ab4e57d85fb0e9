// npm run ingest — content/ → Postgres (+ outbox) → Meilisearch. Exits non-zero when a file is invalid.
import { runIngest } from "../lib/articles/run-ingest.ts";
import { closeDb } from "../lib/db/client.ts";
import { readEnv } from "../lib/env.ts";
import { openStack } from "../lib/servers/stack.ts";

const env = readEnv();
const stack = await openStack(env, { log: (m) => console.error(m) });
let code = 0;
try {
  const report = await runIngest({ contentDir: env.contentDir, databaseUrl: stack.databaseUrl, meiliUrl: stack.meiliUrl, meiliKey: stack.meiliKey });
  code = report.errors.length || report.indexError ? 1 : 0;
} catch (e) {
  console.error(`ingest failed: ${(e as Error).message}`);
  code = 1;
} finally {
  await closeDb(stack.databaseUrl);
  await stack.stop();
}
process.exit(code);
