// npm run restore -- DIR — puts a backup made by `npm run backup` back: the embedded cluster's folder
// (or pg_restore into DATABASE_URL) and the Meilisearch dump (into an empty embedded Meilisearch). What
// was there is kept beside it (…before-restore-<time>). Then starts the servers, applies any newer
// migrations, and checks the content against the backup's fingerprint. The site must be stopped.
import { existsSync, readFileSync } from "node:fs";
import { copyFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { env } from "../lib/env.ts";
import { documentCount, getIndex, getSearchClient } from "../lib/search/client.ts";
import { contentFingerprint, type Manifest, restoreCluster, restoreDatabase, setAsideMeili } from "../lib/servers/backup.ts";
import { meiliDbPath, startMeilisearch } from "../lib/servers/meilisearch.ts";
import { clearLeftovers, openStack, runningStack } from "../lib/servers/stack.ts";
import { exitOnEnvError } from "./env-guard.ts";

const log = (m: string) => console.log(`[restore] ${m}`);
const e = exitOnEnvError(env);
const dir = process.argv[2] ? resolve(process.argv[2]) : "";
if (!dir || !existsSync(join(dir, "manifest.json"))) {
  console.error("usage: npm run restore -- <backup folder written by npm run backup>");
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;
const live = runningStack(e);
if (live) {
  console.error(`npm start (pid ${live.pid}) is running on ${e.dataDir}: stop it first`);
  process.exit(2);
}
await clearLeftovers(e, log);

if (manifest.postgres === "physical") {
  if (e.DATABASE_URL) {
    console.error("this backup is of the embedded PostgreSQL; unset DATABASE_URL to restore it into DATA_DIR");
    process.exit(2);
  }
  const pgDir = join(e.dataDir, "postgres");
  const kept = await restoreCluster(join(dir, "pgdata"), join(pgDir, "pgdata"));
  await copyFile(join(dir, "postgres-password"), join(pgDir, "postgres-password"));
  log(`PostgreSQL: cluster folder restored${kept ? ` (the previous one kept as ${kept})` : ""}`);
}
if (manifest.meilisearch && !e.meiliUrls.length) {
  const meiliDir = join(e.dataDir, "meilisearch");
  const kept = await setAsideMeili(meiliDbPath(meiliDir));
  const m = await startMeilisearch({ dir: meiliDir, importDump: join(dir, manifest.meilisearch) });
  await m.stop();
  log(`Meilisearch: dump imported${kept ? ` (the previous data kept as ${kept})` : ""}`);
}

const stack = await openStack(e, { log });
let code = 0;
try {
  if (manifest.postgres === "pg_dump") {
    restoreDatabase(stack.databaseUrl, join(dir, "postgres.dump"));
    log("PostgreSQL: pg_restore done");
  }
  const fp = await contentFingerprint(stack.databaseUrl);
  const docs = stack.meiliUrl ? await documentCount(getIndex(getSearchClient(stack.meiliUrl, stack.meiliKey), e.MEILI_INDEX)).catch(() => null) : null;
  if (fp.fingerprint !== manifest.fingerprint) {
    console.error(`restore check failed: ${fp.articles} articles whose fingerprint differs from the backup's (${manifest.articles} articles)`);
    code = 1;
  } else {
    log(`restored ${fp.articles} articles, fingerprint ${fp.fingerprint.slice(0, 16)} as in the backup; ${docs ?? "no"} search documents (the worker rebuilds the index from Postgres if it differs)`);
  }
} finally {
  await stack.stop();
}
process.exit(code);
