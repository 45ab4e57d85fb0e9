// Isolation on the shared test servers: every test (or test file) gets a database of its own, copied
// from a migrated template, a Meilisearch index of its own and, when it changes content, a writable
// copy of a content folder. Nothing depends on the order tests run in.
import { randomUUID } from "node:crypto";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { inject, onTestFinished } from "vitest";
import { closeDb, type Db, getDb } from "../../lib/db/client.ts";
import { ensureIndex, getIndex, getSearchClient } from "../../lib/search/client.ts";

const uniqueName = () => `t_${randomUUID().replace(/-/g, "").slice(0, 12)}`;

export async function freshDatabase(): Promise<string> {
  const base = inject("databaseUrl");
  const name = uniqueName();
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  // The template's migration connection can take a moment to close after global setup.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("templateDatabase")}`);
      break;
    } catch (e) {
      if ((e as { code?: string }).code !== "55006" || attempt > 50) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

export type TestContext = Awaited<ReturnType<typeof testContext>>;

export async function testContext(opts: { vocabulary?: Parameters<typeof ensureIndex>[2] } = {}) {
  const databaseUrl = await freshDatabase();
  const indexName = uniqueName();
  const client = getSearchClient(inject("meiliUrl"), inject("meiliKey"));
  await ensureIndex(client, indexName, opts.vocabulary);
  return {
    databaseUrl,
    db: getDb(databaseUrl),
    client,
    indexName,
    index: getIndex(client, indexName),
    close: async () => {
      await closeDb(databaseUrl);
      await client.deleteIndex(indexName).waitTask().catch(() => {});
    },
  };
}

/** A writable copy of a content fixture folder. */
export async function copyContent(from: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "yibao-content-"));
  await cp(from, dir, { recursive: true });
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export const FIXTURE_CONTENT = join(import.meta.dirname, "../fixtures/content");

/** A test database, index and content copy of its own, removed when the calling test finishes. */
export async function sandbox(from = FIXTURE_CONTENT) {
  const ctx = await testContext();
  const content = await copyContent(from);
  onTestFinished(async () => {
    await ctx.close();
    await content.cleanup();
  });
  return { ...ctx, content: content.dir };
}

export async function articleId(db: Db, slug: string): Promise<string> {
  return (await db.article.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}
