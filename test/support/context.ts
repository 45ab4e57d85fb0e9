// Per-test-file isolation on the shared test servers: a new database (migrated) and a new index name.
import { randomUUID } from "node:crypto";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { closeDb, getDb } from "../../lib/db/client.ts";
import { migrateDeploy } from "../../lib/db/migrate.ts";
import { ensureIndex, getIndex, getSearchClient } from "../../lib/search/client.ts";

export async function freshDatabase(): Promise<string> {
  const base = inject("databaseUrl");
  const name = `t_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  await migrateDeploy(u.toString());
  return u.toString();
}

export async function testContext() {
  const databaseUrl = await freshDatabase();
  const indexName = `t_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const client = getSearchClient(inject("meiliUrl"), inject("meiliKey"));
  await ensureIndex(client, indexName);
  return {
    databaseUrl,
    db: getDb(databaseUrl),
    client,
    indexName,
    index: getIndex(client, indexName),
    close: () => closeDb(databaseUrl),
  };
}

/** A writable copy of a content fixture folder. */
export async function copyContent(from: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "yibao-content-"));
  await cp(from, dir, { recursive: true });
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
