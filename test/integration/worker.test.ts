// The outbox worker against real Postgres and Meilisearch: a publish through the domain verb reaches
// search with no ingest, failures are retried with backoff, and only one feeder runs at a time.
import { expect, it, onTestFinished } from "vitest";
import { currentSlug, getPublicArticle } from "../../lib/articles/read.ts";
import { publishAnswer, renameArticle, setArticleState } from "../../lib/articles/revisions.ts";
import { ingestContent } from "../../lib/content/ingest.ts";
import { acquireLock } from "../../lib/db/lock.ts";
import { feedOnce } from "../../lib/outbox/drain.ts";
import { runWorker } from "../../lib/outbox/worker.ts";
import { searchFeedLock } from "../../lib/outbox/search-feed.ts";
import { getIndex, getSearchClient, instanceOf } from "../../lib/search/client.ts";
import { parseSearchParams } from "../../lib/search/params.ts";
import { searchArticles } from "../../lib/search/query.ts";
import { articleId, sandbox } from "../support/context.ts";

type Sandbox = Awaited<ReturnType<typeof sandbox>>;

async function ingested(): Promise<Sandbox> {
  const sb = await sandbox();
  expect((await ingestContent({ contentDir: sb.content, databaseUrl: sb.databaseUrl, index: sb.index })).errors).toEqual([]);
  return sb;
}

function startWorker(sb: Sandbox) {
  const stop = new AbortController();
  const running = runWorker({ databaseUrl: sb.databaseUrl, db: sb.db, index: sb.index, synonyms: [], signal: stop.signal, pollMs: 500, relationsDelayMs: 50 });
  onTestFinished(async () => {
    stop.abort();
    await running;
  });
}

const slugsFor = async (sb: Sandbox, q: string) => {
  const p = parseSearchParams({ q });
  if (!p.success) throw p.error;
  return (await searchArticles(p.data, { index: sb.index })).hits.map((h) => h.slug);
};

async function until<T>(what: string, probe: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`${what}: still ${JSON.stringify(v)} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

it("makes a revision published through the domain verb searchable without any ingest, keeping the old one", async () => {
  const sb = await ingested();
  startWorker(sb);
  const id = await articleId(sb.db, "yidi-beian");
  const r = await publishAnswer(sb.db, { articleId: id, position: 1, advisorId: "test-lawyer", body: "在国家医保服务平台办理备案，备案后可直接结算，独有词甲乙丙。", summary: "补充直接结算", by: "advisor:test" });
  expect(r.revision).toBe(2);
  await until("search", () => slugsFor(sb, "独有词甲乙丙"), (s) => s[0] === "yidi-beian");
  const history = await sb.db.answerRevision.findMany({ where: { answerId: r.answerId }, orderBy: { number: "asc" } });
  expect(history.map((h) => [h.number, h.summary, h.createdBy])).toEqual([[1, null, "file:questions/yidi-beian.md"], [2, "补充直接结算", "advisor:test"]]);
  expect(history[0]!.body).toContain("打开国家医保服务平台");
  expect(await sb.db.auditEvent.count({ where: { articleId: id, action: "answer.publish" } })).toBe(1);
  // Revisions are append-only in the database itself.
  await expect(sb.db.answerRevision.update({ where: { id: history[0]!.id }, data: { body: "改写历史" } })).rejects.toThrow(/append-only/);
});

it("follows a rename and an archive into search, and keeps the old slug answering", async () => {
  const sb = await ingested();
  startWorker(sb);
  const id = await articleId(sb.db, "menzhen-tongchou-bijie");
  await renameArticle(sb.db, { articleId: id, slug: "bijie-jumin-menzhen", by: "editor:test" });
  await until("renamed in search", () => slugsFor(sb, "村卫生室"), (s) => s[0] === "bijie-jumin-menzhen");
  expect(await currentSlug(sb.db, "menzhen-tongchou-bijie")).toBe("bijie-jumin-menzhen");
  await setArticleState(sb.db, { articleId: id, state: "archived", by: "editor:test" });
  await until("gone from search", () => slugsFor(sb, "村卫生室"), (s) => s.length === 0);
  expect(await getPublicArticle(sb.db, "bijie-jumin-menzhen")).toBeNull();
  expect(await currentSlug(sb.db, "menzhen-tongchou-bijie")).toBeNull();
  // Related questions of the neighbours are recomputed without it.
  await until("relations recomputed", () => sb.db.articleRelation.count({ where: { relatedId: id } }), (n) => n === 0);
});

it("refuses a state the article's content does not allow, with a message for the person", async () => {
  const sb = await ingested();
  const id = await articleId(sb.db, "dingdian-daijieda");
  await expect(setArticleState(sb.db, { articleId: id, state: "published", by: "editor:test" })).rejects.toMatchObject({ code: "invalid" });
  const taken = await articleId(sb.db, "yidi-beian");
  await expect(renameArticle(sb.db, { articleId: taken, slug: "dingdian-daijieda", by: "editor:test" })).rejects.toMatchObject({ code: "conflict" });
});

it("keeps an unreachable instance's place with the error and a backoff; the row waits for it, the other instance goes on", async () => {
  const sb = await ingested();
  await setArticleState(sb.db, { articleId: await articleId(sb.db, "yidi-beian"), state: "archived", by: "editor:test" });
  const dead = getIndex(getSearchClient("http://127.0.0.1:9", "key", { timeout: 500 }), sb.indexName);
  // A second instance that was fed as far as the live one, then went away.
  const live = await sb.db.searchFeed.findUniqueOrThrow({ where: { instance: instanceOf(sb.index) } });
  await sb.db.searchFeed.create({ data: { ...live, instance: instanceOf(dead) } });
  await expect(feedOnce(sb.databaseUrl, sb.db, dead)).rejects.toThrow();
  const failed = await sb.db.searchFeed.findUniqueOrThrow({ where: { instance: instanceOf(dead) } });
  expect(failed).toMatchObject({ attempts: 1, position: live.position });
  expect(failed.lastError).toBeTruthy();
  expect(failed.retryAt.getTime()).toBeGreaterThan(Date.now());
  // While it backs off a pass leaves it alone.
  expect(await feedOnce(sb.databaseUrl, sb.db, dead)).toMatchObject({ rows: 0, backingOff: true });
  // The live instance applies the row on its own; the row stays for the dead one.
  const applied = await feedOnce(sb.databaseUrl, sb.db, sb.index);
  expect(applied).toMatchObject({ rows: 1, deleted: 1 });
  // From the change's commit until Meilisearch had it: measured, and no longer than the test has run.
  expect(applied?.searchableMs).toBeGreaterThan(0);
  expect(applied?.searchableMs).toBeLessThan(120_000);
  expect(await slugsFor(sb, "异地就医备案")).not.toContain("yidi-beian");
  expect(await sb.db.outbox.count()).toBe(1);
  // An instance without a successful pass for a day no longer holds the row back (it rebuilds on return).
  await sb.db.searchFeed.update({ where: { instance: instanceOf(dead) }, data: { updatedAt: new Date(Date.now() - 2 * 86_400_000) } });
  await feedOnce(sb.databaseUrl, sb.db, sb.index);
  expect(await sb.db.outbox.count()).toBe(0);
});

it("lets only one feeder run at a time", async () => {
  const sb = await ingested();
  const held = await acquireLock(sb.databaseUrl, searchFeedLock(sb.index));
  onTestFinished(() => held?.release());
  expect(held).not.toBeNull();
  expect(await feedOnce(sb.databaseUrl, sb.db, sb.index, { wait: false })).toBeNull();
});
