// The file channel against a real Postgres and Meilisearch. Every test starts from its own database,
// index and copy of the fixture content, so each passes alone and in any order.
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { currentSlug, getPublicArticle } from "../../lib/articles/read.ts";
import { createArticle, publishAnswer } from "../../lib/articles/revisions.ts";
import { ingestContent } from "../../lib/content/ingest.ts";
import { parseSearchParams } from "../../lib/search/params.ts";
import { searchArticles } from "../../lib/search/query.ts";
import { articleId, sandbox } from "../support/context.ts";
import { pipelineState } from "../support/state.ts";

type Sandbox = Awaited<ReturnType<typeof sandbox>>;

const ingest = (sb: Sandbox) => ingestContent({ contentDir: sb.content, databaseUrl: sb.databaseUrl, index: sb.index });
const search = async (sb: Sandbox, q: string, extra: Record<string, string> = {}) => {
  const p = parseSearchParams({ q, ...extra });
  if (!p.success) throw p.error;
  return searchArticles(p.data, { index: sb.index });
};
const edit = async (sb: Sandbox, file: string, from: string, to: string) => {
  const path = join(sb.content, file);
  const before = await readFile(path, "utf8");
  if (!before.includes(from)) throw new Error(`${file} does not contain ${from}`);
  await writeFile(path, before.replace(from, to));
};
const BIJIE = "questions/sub/menzhen-tongchou-bijie.md";
const YIDI = "questions/yidi-beian.md";
const NEW_ONE = `---\ntitle: 职工医保个人账户能给父母用吗\nregion: "000000"\ninsurance: [employee]\ntopics: [家庭共济]\npublished: 2025-04-01\n---\n\n:::answer{advisor="test-advisor" date="2025-04-02"}\n可以，通过家庭共济绑定。\n:::\n`;

/** An ingested sandbox: the starting point of most tests. */
async function ingested() {
  const sb = await sandbox();
  const r = await ingest(sb);
  expect(r.errors).toEqual([]);
  return sb;
}

describe("ingest", () => {
  it("stores every valid file in Postgres and makes it searchable", async () => {
    const sb = await sandbox();
    const r = await ingest(sb);
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ files: 3, added: 3, updated: 0, deleted: 0, unchanged: 0 });
    expect(r.index).toMatchObject({ upserted: 3, deleted: 0 });

    const a = await getPublicArticle(sb.db, "menzhen-tongchou-bijie");
    expect(a?.answers.map((x) => x.advisor)).toEqual(["test-advisor", "test-lawyer"]);
    expect(a?.year).toBe(2025);
    expect(a?.answerMeta.map((m) => m.revision)).toEqual([1, 1]);

    const yidi = await getPublicArticle(sb.db, "yidi-beian");
    expect(yidi?.topics).toEqual(["异地就医"]); // alias 外地就医 resolved through topics.yaml
    // A citation tied to an answer travels with that answer's revision.
    expect(yidi?.answers[0]?.citations[0]).toMatchObject({ title: "中华人民共和国社会保险法", article: "第二十九条" });
    expect(await sb.db.article.count({ where: { origin: "file" } })).toBe(3);

    const hits = await search(sb, "异地就医备案");
    expect(hits.hits[0]?.slug).toBe("yidi-beian");
    expect(hits.hits[0]?.title).toContain("<mark>");
  });

  it("filters by province and city, insurance and year", async () => {
    const sb = await ingested();
    expect((await search(sb, "", { region: "520000" })).hits.map((h) => h.slug)).toEqual(["menzhen-tongchou-bijie"]);
    expect((await search(sb, "", { region: "520500", year: "2025" })).total).toBe(1);
    expect((await search(sb, "", { insurance: "employee" })).hits.map((h) => h.slug)).toEqual(["yidi-beian"]);
    expect((await search(sb, "", { topic: "定点医疗机构" })).hits[0]?.answered).toBe(false);
  });

  it("writes nothing when the content is unchanged", async () => {
    const sb = await ingested();
    const r = await ingest(sb);
    expect(r).toMatchObject({ added: 0, updated: 0, deleted: 0, unchanged: 3 });
    expect(r.index?.rows).toBe(0);
    expect(r.advisors.changed).toBe(0);
  });

  it("updates exactly the edited article, in Postgres and in search, keeping the old revision", async () => {
    const sb = await ingested();
    const before = await pipelineState(sb.db, sb.index);
    await edit(sb, BIJIE, "年度限额五百元", "年度限额五百元，产前检查另计");
    const r = await ingest(sb);
    expect(r).toMatchObject({ added: 0, updated: 1, unchanged: 2 });
    expect(r.index).toMatchObject({ upserted: 1 });
    expect((await search(sb, "产前检查")).hits.map((h) => h.slug)).toEqual(["menzhen-tongchou-bijie"]);
    const after = await pipelineState(sb.db, sb.index);
    const changedSlugs = (after.articles as { slug: string; content_hash: string }[])
      .filter((a, i) => a.content_hash !== (before.articles as { content_hash: string }[])[i]!.content_hash)
      .map((a) => a.slug);
    expect(changedSlugs).toEqual(["menzhen-tongchou-bijie"]);
    // Only the edited answer got a second revision; the first stays in the history.
    const revs = await sb.db.answerRevision.findMany({ where: { answer: { article: { slug: "menzhen-tongchou-bijie" } } }, orderBy: [{ answerId: "asc" }, { number: "asc" }], select: { number: true, body: true, answer: { select: { position: true, publishedRevisionId: true } }, id: true } });
    expect(revs.map((x) => [x.answer.position, x.number])).toEqual([[1, 1], [1, 2], [2, 1]]);
    expect(revs[0]!.body).not.toContain("产前检查");
    expect(revs[1]!.answer.publishedRevisionId).toBe(revs[1]!.id);
  });

  it("reports a malformed file by file, line and field, ingests the rest and keeps the old article", async () => {
    const sb = await ingested();
    await edit(sb, YIDI, 'region: "000000"', 'region: "99999"');
    await writeFile(join(sb.content, "questions/new-one.md"), NEW_ONE);
    const r = await ingest(sb);
    expect(r.failed).toBe(1);
    expect(r.added).toBe(1);
    expect(r.errors.find((e) => e.file === YIDI)).toMatchObject({ line: 3, field: "region" });
    expect(r.warnings.some((w) => w.message.includes("家庭共济"))).toBe(true);
    // The last good version stays on the site and in search.
    expect((await getPublicArticle(sb.db, "yidi-beian"))?.title).toBe("跨省异地就医备案在手机上怎么办理");
    expect((await search(sb, "家庭共济")).hits.map((h) => h.slug)).toContain("new-one");
  });

  it("reports an answer by an unknown advisor and text outside answers", async () => {
    const sb = await sandbox();
    await writeFile(
      join(sb.content, "questions/broken-answer.md"),
      `---\ntitle: 医保卡丢了怎么补办\nregion: "000000"\ninsurance: [resident]\ntopics: [社保卡]\npublished: 2025-04-01\n---\n\n孤立的一段话\n\n:::answer{advisor="nobody" date="2025-04-02"}\n去社保窗口。\n:::\n`,
    );
    const r = await ingest(sb);
    const mine = r.errors.filter((e) => e.file === "questions/broken-answer.md");
    expect(mine.map((e) => e.line)).toEqual([9, 11]);
    expect(mine[1]?.message).toContain("unknown advisor");
    expect(r.added).toBe(3);
  });

  it("never lets a file take over a stored article's slug, even one whose own file is broken", async () => {
    const sb = await ingested();
    const good = await readFile(join(sb.content, YIDI), "utf8");
    await writeFile(join(sb.content, YIDI), good.replace('region: "000000"', 'region: "bad"'));
    await writeFile(join(sb.content, "questions/thief.md"), good.replace("跨省异地就医备案在手机上怎么办理", "抢占别人地址的问题").replace("---\ntitle", "---\nslug: yidi-beian\ntitle"));
    const r = await ingest(sb);
    expect(r.errors.some((e) => e.file === "questions/thief.md" && e.field === "slug")).toBe(true);
    expect((await getPublicArticle(sb.db, "yidi-beian"))?.title).toBe("跨省异地就医备案在手机上怎么办理");
  });

  it("keeps an article whose edited file now claims a slug in use", async () => {
    const sb = await ingested();
    await edit(sb, BIJIE, "---\ntitle", "---\nslug: yidi-beian\ntitle");
    const r = await ingest(sb);
    expect(r.deleted).toBe(0);
    expect(await getPublicArticle(sb.db, "menzhen-tongchou-bijie")).not.toBeNull();
  });

  it("keeps the article and its history when a file changes its slug, and the old slug redirects", async () => {
    const sb = await ingested();
    const id = await articleId(sb.db, "menzhen-tongchou-bijie");
    await edit(sb, BIJIE, "---\ntitle", "---\nslug: bijie-menzhen-tongchou\ntitle");
    const r = await ingest(sb);
    expect(r).toMatchObject({ added: 0, updated: 1, deleted: 0 });
    expect(await articleId(sb.db, "bijie-menzhen-tongchou")).toBe(id);
    expect(await currentSlug(sb.db, "menzhen-tongchou-bijie")).toBe("bijie-menzhen-tongchou");
    expect((await search(sb, "村卫生室")).hits.map((h) => h.slug)).toEqual(["bijie-menzhen-tongchou"]);
  });

  it("re-reads every file when the topic vocabulary changes", async () => {
    const sb = await ingested();
    await edit(sb, "topics.yaml", "- name: 门诊统筹", "- name: 门诊统筹\n  aliases: [门诊共济]");
    const r = await ingest(sb);
    expect(r.unchanged).toBe(0);
    expect(r.updated).toBe(r.files);
    expect((await ingest(sb)).unchanged).toBe(r.files);
  });

  it("removes a deleted file's article, and only that one, from Postgres and from search", async () => {
    const sb = await sandbox();
    await writeFile(join(sb.content, "questions/new-one.md"), NEW_ONE);
    await ingest(sb);
    await rm(join(sb.content, "questions/new-one.md"));
    const r = await ingest(sb);
    expect(r.deleted).toBe(1);
    expect(r.unchanged).toBe(3);
    expect(await getPublicArticle(sb.db, "new-one")).toBeNull();
    expect((await search(sb, "家庭共济")).hits.map((h) => h.slug)).not.toContain("new-one");
  });

  it("takes a draft out of search and pages but keeps it stored", async () => {
    const sb = await ingested();
    await edit(sb, "questions/dingdian-daijieda.md", "status: unanswered", "status: draft");
    await ingest(sb);
    expect(await getPublicArticle(sb.db, "dingdian-daijieda")).toBeNull();
    expect(await sb.db.article.count({ where: { slug: "dingdian-daijieda" } })).toBe(1);
    expect((await search(sb, "定点医院")).hits.map((h) => h.slug)).not.toContain("dingdian-daijieda");
  });
});

describe("the file channel and the web app side by side", () => {
  it("never touches what the web app wrote, and reports a file that claims a web article's slug", async () => {
    const sb = await ingested();
    // An answer published through the domain verb, as authoring will, on a file article…
    await publishAnswer(sb.db, { articleId: await articleId(sb.db, "dingdian-daijieda"), advisorId: "test-advisor", body: "居民医保需要在定点医疗机构就医。", by: "advisor:test" });
    // …and an article written in the web app.
    await createArticle(sb.db, {
      by: "advisor:test",
      article: { slug: "yibaoka-diule", title: "医保卡丢了怎么补办", region: "000000", insurance: ["resident"], topics: ["社保卡"], published: "2026-11-30", status: "unanswered", related: [], citations: [], answers: [] },
    });
    await writeFile(join(sb.content, "questions/clash.md"), NEW_ONE.replace("---\ntitle", "---\nslug: yibaoka-diule\ntitle"));
    const r = await ingest(sb);
    expect(r.errors).toEqual([expect.objectContaining({ file: "questions/clash.md", line: 2, field: "slug" })]);
    expect(r.deleted).toBe(0);
    // The answer written in the app survives; the article's file is no longer read, and ingest says so.
    expect((await getPublicArticle(sb.db, "dingdian-daijieda"))?.answers.map((a) => a.body)).toEqual(["居民医保需要在定点医疗机构就医。"]);
    expect(r.warnings.some((w) => w.file === "questions/dingdian-daijieda.md" && w.message.includes("web app"))).toBe(true);
    await edit(sb, "questions/dingdian-daijieda.md", "status: unanswered", "status: draft");
    await ingest(sb);
    expect((await getPublicArticle(sb.db, "dingdian-daijieda"))?.answers).toHaveLength(1);
    expect((await getPublicArticle(sb.db, "yibaoka-diule"))?.title).toBe("医保卡丢了怎么补办");
    expect(await sb.db.article.findUnique({ where: { slug: "yibaoka-diule" }, select: { origin: true } })).toEqual({ origin: "web" });
    expect((await search(sb, "医保卡丢了")).hits.map((h) => h.slug)).toContain("yibaoka-diule");
  });

  it("two ingests at once end in the same state as one", async () => {
    const one = await sandbox();
    await ingest(one);
    const two = await sandbox();
    const [a, b] = await Promise.all([ingest(two), ingest(two)]);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    // One of them wrote everything, the other found it done.
    expect([a.added, b.added].sort()).toEqual([0, 3]);
    expect((await pipelineState(two.db, two.index)).hash).toBe((await pipelineState(one.db, one.index)).hash);
  });
});
