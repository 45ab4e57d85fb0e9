import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestContent } from "../../lib/articles/ingest.ts";
import { getPublicArticle } from "../../lib/articles/read.ts";
import { searchArticles } from "../../lib/search/query.ts";
import { parseSearchParams } from "../../lib/search/params.ts";
import { copyContent, testContext } from "../support/context.ts";

const FIXTURE = join(import.meta.dirname, "../fixtures/content");

let ctx: Awaited<ReturnType<typeof testContext>>;
let content: Awaited<ReturnType<typeof copyContent>>;
const ingest = () => ingestContent({ contentDir: content.dir, db: ctx.db, index: ctx.index });
const search = async (q: string, extra: Record<string, string> = {}) => {
  const p = parseSearchParams({ q, ...extra });
  if (!p.success) throw p.error;
  return searchArticles(p.data, { index: ctx.index });
};

beforeAll(async () => {
  ctx = await testContext();
  content = await copyContent(FIXTURE);
});
afterAll(async () => {
  await ctx.close();
  await content.cleanup();
});

describe("ingest", () => {
  it("stores every valid file in Postgres and makes it searchable", async () => {
    const r = await ingest();
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ files: 3, added: 3, updated: 0, deleted: 0, unchanged: 0 });
    expect(r.index).toMatchObject({ upserted: 3, deleted: 0 });

    const a = await getPublicArticle(ctx.db, "menzhen-tongchou-bijie");
    expect(a?.answers.map((x) => x.advisor)).toEqual(["test-advisor", "test-lawyer"]);
    expect(a?.year).toBe(2025);

    const yidi = await getPublicArticle(ctx.db, "yidi-beian");
    expect(yidi?.topics).toEqual(["异地就医"]); // alias 外地就医 resolved through topics.yaml
    expect(yidi?.citations[0]).toMatchObject({ title: "中华人民共和国社会保险法", article: "第二十九条", answer: 1 });

    const hits = await search("异地就医备案");
    expect(hits.hits[0]?.slug).toBe("yidi-beian");
    expect(hits.hits[0]?.title).toContain("<mark>");
  });

  it("filters by province and city, insurance and year", async () => {
    expect((await search("", { region: "520000" })).hits.map((h) => h.slug)).toEqual(["menzhen-tongchou-bijie"]);
    expect((await search("", { region: "520500", year: "2025" })).total).toBe(1);
    expect((await search("", { insurance: "employee" })).hits.map((h) => h.slug)).toEqual(["yidi-beian"]);
    expect((await search("", { topic: "定点医疗机构" })).hits[0]?.status).toBe("unanswered");
  });

  it("writes nothing when the content is unchanged", async () => {
    const r = await ingest();
    expect(r).toMatchObject({ added: 0, updated: 0, deleted: 0, unchanged: 3 });
    expect(r.index?.rows).toBe(0);
    expect(r.advisors.changed).toBe(0);
  });

  it("updates exactly the edited article, in Postgres and in search", async () => {
    const file = join(content.dir, "questions/sub/menzhen-tongchou-bijie.md");
    await writeFile(file, (await readFile(file, "utf8")).replace("年度限额五百元", "年度限额五百元，产前检查另计"));
    const r = await ingest();
    expect(r).toMatchObject({ added: 0, updated: 1, unchanged: 2 });
    expect(r.index).toMatchObject({ upserted: 1 });
    expect((await search("产前检查")).hits.map((h) => h.slug)).toEqual(["menzhen-tongchou-bijie"]);
  });

  it("reports a malformed file by file, line and field, ingests the rest and keeps the old article", async () => {
    const bad = join(content.dir, "questions/yidi-beian.md");
    const good = (await readFile(bad, "utf8")).replace("跨省异地就医备案在手机上怎么办理", "跨省异地就医备案在手机上怎么办");
    await writeFile(bad, good.replace('region: "000000"', 'region: "99999"'));
    await writeFile(
      join(content.dir, "questions/new-one.md"),
      `---\ntitle: 职工医保个人账户能给父母用吗\nregion: "000000"\ninsurance: [employee]\ntopics: [家庭共济]\npublished: 2025-04-01\n---\n\n:::answer{advisor="test-advisor" date="2025-04-02"}\n可以，通过家庭共济绑定。\n:::\n`,
    );
    const r = await ingest();
    expect(r.failed).toBe(1);
    expect(r.added).toBe(1);
    const err = r.errors.find((e) => e.file === "questions/yidi-beian.md");
    expect(err).toMatchObject({ line: 3, field: "region" });
    expect(r.warnings.some((w) => w.message.includes("家庭共济"))).toBe(true);
    // The last good version stays on the site and in search.
    expect((await getPublicArticle(ctx.db, "yidi-beian"))?.title).toBe("跨省异地就医备案在手机上怎么办理");
    expect((await search("家庭共济")).hits.map((h) => h.slug)).toContain("new-one");
    await writeFile(bad, good);
  });

  it("reports an answer by an unknown advisor and text outside answers", async () => {
    const file = join(content.dir, "questions/broken-answer.md");
    await writeFile(file, `---\ntitle: 医保卡丢了怎么补办\nregion: "000000"\ninsurance: [resident]\ntopics: [社保卡]\npublished: 2025-04-01\n---\n\n孤立的一段话\n\n:::answer{advisor="nobody" date="2025-04-02"}\n去社保窗口。\n:::\n`);
    const r = await ingest();
    const mine = r.errors.filter((e) => e.file === "questions/broken-answer.md");
    expect(mine.map((e) => e.line)).toEqual([9, 11]);
    expect(mine[1]?.message).toContain("unknown advisor");
    await rm(file);
  });

  it("never lets a file take over a stored article's slug, even one whose own file is broken", async () => {
    const stored = join(content.dir, "questions/yidi-beian.md");
    const good = await readFile(stored, "utf8");
    const title = (await getPublicArticle(ctx.db, "yidi-beian"))!.title;
    await writeFile(stored, good.replace('region: "000000"', 'region: "bad"'));
    await writeFile(join(content.dir, "questions/thief.md"), good.replace(title, "抢占别人地址的问题").replace("---\ntitle", "---\nslug: yidi-beian\ntitle"));
    const r = await ingest();
    expect(r.errors.some((e) => e.file === "questions/thief.md" && e.field === "slug")).toBe(true);
    expect((await getPublicArticle(ctx.db, "yidi-beian"))?.title).toBe(title);
    await rm(join(content.dir, "questions/thief.md"));
    await writeFile(stored, good);
  });

  it("keeps an article whose edited file now claims a slug in use", async () => {
    const file = join(content.dir, "questions/sub/menzhen-tongchou-bijie.md");
    const before = await readFile(file, "utf8");
    await writeFile(file, before.replace("---\ntitle", "---\nslug: yidi-beian\ntitle"));
    const r = await ingest();
    expect(r.deleted).toBe(0);
    expect(await getPublicArticle(ctx.db, "menzhen-tongchou-bijie")).not.toBeNull();
    await writeFile(file, before);
    expect((await ingest()).errors).toEqual([]);
  });

  it("re-reads every file when the topic vocabulary changes", async () => {
    const topics = join(content.dir, "topics.yaml");
    const before = await readFile(topics, "utf8");
    await writeFile(topics, before.replace("- name: 门诊统筹", "- name: 门诊统筹\n  aliases: [门诊共济]"));
    const r = await ingest();
    expect(r.unchanged).toBe(0);
    expect(r.updated).toBe(r.files);
    expect((await ingest()).unchanged).toBe(r.files);
  });

  it("removes a deleted file's article from Postgres and from search", async () => {
    await rm(join(content.dir, "questions/new-one.md"));
    const r = await ingest();
    expect(r.deleted).toBe(1);
    expect(await getPublicArticle(ctx.db, "new-one")).toBeNull();
    expect((await search("家庭共济")).hits.map((h) => h.slug)).not.toContain("new-one");
  });

  it("takes a draft out of search and pages but keeps it stored", async () => {
    const file = join(content.dir, "questions/dingdian-daijieda.md");
    await writeFile(file, (await readFile(file, "utf8")).replace("status: unanswered", "status: draft"));
    await ingest();
    expect(await getPublicArticle(ctx.db, "dingdian-daijieda")).toBeNull();
    expect(await ctx.db.article.count({ where: { slug: "dingdian-daijieda" } })).toBe(1);
    expect((await search("定点医院")).hits.map((h) => h.slug)).not.toContain("dingdian-daijieda");
  });
});
