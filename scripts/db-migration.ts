// npm run db:migration -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql for the changes in prisma/schema.prisma.
// Uses a throwaway embedded Postgres, so it needs no database of yours and no network.
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MIGRATIONS_DIR, pendingSchemaSql } from "../lib/db/migrate.ts";
import { startEmbeddedPostgres } from "../lib/servers/postgres.ts";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:migration -- <name>   (e.g. add_search_log)");
  process.exit(2);
}
const dir = await mkdtemp(join(tmpdir(), "yibao-migration-"));
const pg = await startEmbeddedPostgres({ dir });
try {
  const sql = await pendingSchemaSql(pg.url);
  if (!sql) {
    console.log("prisma/schema.prisma matches the migrations: nothing to write.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const target = join(MIGRATIONS_DIR, `${stamp}_${name}`);
    await mkdir(target, { recursive: true });
    await writeFile(join(target, "migration.sql"), sql);
    const lock = join(MIGRATIONS_DIR, "migration_lock.toml");
    if (!existsSync(lock)) await writeFile(lock, 'provider = "postgresql"\n');
    console.log(`wrote ${target}/migration.sql`);
  }
} finally {
  await pg.stop();
  await rm(dir, { recursive: true, force: true });
}
