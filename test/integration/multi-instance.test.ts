// Two real Meilisearch instances fed from one outbox, each with its own position: one killed → searches
// keep answering from the other (0 failures) and changes keep reaching the live one; restarted → it
// catches up; wiped, or put back to an older copy of its data → the worker notices by itself and
// rebuilds it from Postgres.
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { setArticleState } from "../../lib/articles/revisions.ts";
import { ingestContent } from "../../lib/content/ingest.ts";
import { loadSearchVocabulary } from "../../lib/content/load.ts";
import { closeDb, type Db, getDb } from "../../lib/db/client.ts";
import { runWorker } from "../../lib/outbox/worker.ts";
import { failoverIndex, getIndex, getSearchClient, type SearchIndex } from "../../lib/search/client.ts";
import { parseSearchParams } from "../../lib/search/params.ts";
import { searchArticles } from "../../lib/search/query.ts";
import { freePort } from "../../lib/servers/free-port.ts";
import { type RunningMeili, startMeilisearch } from "../../lib/servers/meilisearch.ts";
import { articleId, copyContent, FIXTURE_CONTENT, freshDatabase } from "../support/context.ts";

type Instance = { dir: string; port: number; server?: RunningMeili; index: SearchIndex };
let root: string;
let a: Instance;
let b: Instance;
let databaseUrl: string;
let db: Db;
let content: Awaited<ReturnType<typeof copyContent>>;
const stop = new AbortController();
let worker: Promise<void>;
const logged: string[] = [];

async function instance(name: string): Promise<Instance> {
  const dir = join(root, name);
  const port = await freePort();
  const server = await startMeilisearch({ dir, port });
  return { dir, port, server, index: getIndex(getSearchClient(server.url, server.masterKey, { timeout: 10_000 }), "articles") };
}
const restart = async (i: Instance) => {
  i.server = await startMeilisearch({ dir: i.dir, port: i.port });
};
const slugs = async (index: SearchIndex, q: string) => {
  const p = parseSearchParams({ q });
  if (!p.success) throw p.error;
  return (await searchArticles(p.data, { index })).hits.map((h) => h.slug);
};
const docCount = async (i: Instance) => (await i.index.getDocuments({ limit: 1 })).total;
async function until(what: string, ok: () => Promise<boolean>, ms = 40_000) {
  const end = Date.now() + ms;
  for (;;) {
    if (await ok().catch(() => false)) return;
    if (Date.now() > end) throw new Error(`${what} did not happen within ${ms} ms; worker said:\n${logged.join("\n")}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "yibao-multi-"));
  a = await instance("a");
  b = await instance("b");
  databaseUrl = await freshDatabase();
  db = getDb(databaseUrl);
  content = await copyContent(FIXTURE_CONTENT);
  const { vocabulary } = await loadSearchVocabulary(content.dir);
  const r = await ingestContent({ contentDir: content.dir, databaseUrl, index: [a.index, b.index], vocabulary });
  expect(r.indexError).toBeUndefined();
  worker = runWorker({ databaseUrl, db, index: [a.index, b.index], vocabulary, synonyms: [], signal: stop.signal, pollMs: 300, log: (l) => logged.push(l) });
});

afterAll(async () => {
  stop.abort();
  await worker;
  await a.server?.stop();
  await b.server?.stop();
  await closeDb(databaseUrl);
  await content.cleanup();
  await rm(root, { recursive: true, force: true });
});

it("feeds both instances from one ingest, each with its own position, and prunes what both have", { timeout: 180_000 }, async () => {
  expect(await docCount(a)).toBe(3);
  expect(await docCount(b)).toBe(3);
  expect(await db.searchFeed.count()).toBe(2);
  expect(await db.outbox.count()).toBe(0);
});

it("answers every search from the other instance while one is down, and catches the dead one up after its restart", { timeout: 180_000 }, async () => {
  const both = failoverIndex([a.index, b.index]);
  await a.server!.stop();
  const results = await Promise.allSettled(Array.from({ length: 30 }, () => slugs(both, "异地就医备案")));
  expect(results.filter((r) => r.status === "rejected")).toEqual([]);
  expect(results.every((r) => r.status === "fulfilled" && r.value[0] === "yidi-beian")).toBe(true);

  // A change while A is down reaches B; the row waits in the outbox for A.
  await setArticleState(db, { articleId: await articleId(db, "yidi-beian"), state: "archived", by: "editor:test" });
  await until("B has the change", async () => !(await slugs(b.index, "异地就医备案")).includes("yidi-beian"));
  expect(await db.outbox.count()).toBe(1);
  expect(await slugs(both, "异地就医备案")).not.toContain("yidi-beian");

  await restart(a);
  await until("A caught up", async () => (await docCount(a)) === 2);
  await until("the row pruned", async () => (await db.outbox.count()) === 0);
  expect(await slugs(a.index, "异地就医备案")).not.toContain("yidi-beian");
});

it("rebuilds a wiped instance from Postgres by itself", { timeout: 180_000 }, async () => {
  await a.server!.stop();
  await rm(join(a.dir, "data.ms"), { recursive: true, force: true }); // the data, not the key beside it
  await restart(a);
  await until("A rebuilt", async () => (await docCount(a)) === 2 && logged.some((l) => /search index on http:\/\/127\.0\.0\.1:\d+\/articles rebuilt from Postgres \(2 articles; /.test(l)));
  // With its settings: Chinese search works on it alone.
  expect(await slugs(a.index, "村卫生室")).toEqual(["menzhen-tongchou-bijie"]);
});

it("rebuilds an instance put back to an older copy of its data", { timeout: 180_000 }, async () => {
  await a.server!.stop();
  const old = join(root, "a-old");
  // Meilisearch's data files are sparse (a large mapped size, little data): copied with cp, which keeps them so.
  execFileSync("cp", ["-a", a.dir, old]);
  await restart(a);
  await setArticleState(db, { articleId: await articleId(db, "yidi-beian"), state: "published", by: "editor:test" });
  await until("A has the change", async () => (await docCount(a)) === 3);
  // …and its feed has recorded so (the row is pruned once both feeds have): stopped before that, the
  // feed rightly replays the row onto the old copy instead of finding it older, and no rebuild is due.
  await until("the row applied by both feeds", async () => (await db.outbox.count()) === 0);
  await a.server!.stop();
  await rm(a.dir, { recursive: true, force: true });
  execFileSync("cp", ["-a", old, a.dir]);
  logged.length = 0;
  await restart(a);
  // The old copy has 2 documents and an older task history: noticed without any new change.
  await until("A rebuilt from the older copy", async () => (await docCount(a)) === 3 && logged.some((l) => /rebuilt from Postgres \(3 articles; it lost data/.test(l)));
  expect(await slugs(a.index, "异地就医备案")).toContain("yidi-beian");
});
