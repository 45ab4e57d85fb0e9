// npm run backup [-- --out DIR] — Postgres and the search index into DIR (default DATA_DIR/backups/<time>):
// a physical base backup of the embedded cluster (or pg_dump of DATABASE_URL), a Meilisearch dump, and a
// manifest with the content's fingerprint that `npm run restore` checks. Works beside a running npm start.
import { existsSync, readdirSync } from "node:fs";
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { env } from "../lib/env.ts";
import { createDump } from "../lib/search/client.ts";
import { backupCluster, contentFingerprint, dumpDatabase, type Manifest } from "../lib/servers/backup.ts";
import { openStack } from "../lib/servers/stack.ts";
import { exitOnEnvError } from "./env-guard.ts";

const log = (m: string) => console.log(`[backup] ${m}`);
const e = exitOnEnvError(env);
const { values } = parseArgs({ options: { out: { type: "string" } } });
const out = resolve(values.out ?? join(e.dataDir, "backups", new Date().toISOString().replace(/\D/g, "").slice(0, 14)));
if (existsSync(out) && readdirSync(out).length) {
  console.error(`${out} is not empty; name a new folder with --out`);
  process.exit(2);
}
const stack = await openStack(e, { log });
let code = 0;
try {
  await mkdir(out, { recursive: true, mode: 0o700 });
  let postgres: Manifest["postgres"];
  if (!e.DATABASE_URL) {
    const dir = join(e.dataDir, "postgres");
    await backupCluster(stack.databaseUrl, join(dir, "pgdata"), join(out, "pgdata"));
    // The cluster's password goes with it (the backup holds the whole database anyway; mode 700 folder).
    await copyFile(join(dir, "postgres-password"), join(out, "postgres-password"));
    postgres = "physical";
  } else {
    dumpDatabase(stack.databaseUrl, join(out, "postgres.dump"));
    postgres = "pg_dump";
  }
  log(`PostgreSQL: ${postgres === "physical" ? "base backup of the embedded cluster" : "pg_dump"} written`);
  let meilisearch: string | null = null;
  if (stack.meiliUrl) {
    const uid = await createDump(stack.meiliUrl, stack.meiliKey);
    if (!e.meiliUrls.length) {
      await copyFile(join(e.dataDir, "meilisearch", "dumps", `${uid}.dump`), join(out, "meilisearch.dump"));
      meilisearch = "meilisearch.dump";
      log("Meilisearch: dump written");
    } else {
      log(`Meilisearch: dump ${uid}.dump written into the dump folder of ${stack.meiliUrl} (not copied: another machine's disk)`);
    }
  }
  const fp = await contentFingerprint(stack.databaseUrl);
  const manifest: Manifest = { createdAt: new Date().toISOString(), postgres, meilisearch, ...fp };
  await writeFile(join(out, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  log(`backup written to ${out}: ${fp.articles} articles, fingerprint ${fp.fingerprint.slice(0, 16)}`);
} catch (err) {
  console.error(`backup failed: ${(err as Error).message}`);
  code = 1;
} finally {
  await stack.stop();
}
process.exit(code);
