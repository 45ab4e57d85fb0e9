// Query understanding end to end on a real Meilisearch: traditional characters, pinyin, initials,
// homophone typos, synonyms, facets, and the related questions stored at ingest.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestContent } from "../../lib/content/ingest.ts";
import { neighboursIn, relationsOf } from "../../lib/articles/relations.ts";
import { loadLexiconWords, loadSearchVocabulary } from "../../lib/content/load.ts";
import { buildLexicon, type Lexicon, searchLexicon } from "../../lib/query/lexicon.ts";
import { loadStoredLexicon, refreshLexicon } from "../../lib/search/lexicon-store.ts";
import { ensureIndex } from "../../lib/search/client.ts";
import { parseSearchParams } from "../../lib/search/params.ts";
import { searchArticles } from "../../lib/search/query.ts";
import { ARTICLE_STATES } from "../../lib/domain/schema.ts";
import { isAnswered, isPublic } from "../../lib/domain/visibility.ts";
import { articleId, copyContent, testContext } from "../support/context.ts";

let ctx: Awaited<ReturnType<typeof testContext>>;
let content: Awaited<ReturnType<typeof copyContent>>;
let lexicon: Lexicon;
const search = async (q: string, extra: Record<string, string> = {}) => {
  const p = parseSearchParams({ q, ...extra });
  if (!p.success) throw p.error;
  return searchArticles(p.data, { index: ctx.index, lexicon });
};

beforeAll(async () => {
  ctx = await testContext();
  content = await copyContent(join(import.meta.dirname, "../fixtures/content"));
  const { vocabulary } = await loadSearchVocabulary(content.dir);
  await ensureIndex(ctx.client, ctx.indexName, vocabulary);
  lexicon = buildLexicon(await loadLexiconWords(content.dir));
  const r = await ingestContent({ contentDir: content.dir, databaseUrl: ctx.databaseUrl, index: ctx.index, synonyms: vocabulary.synonyms });
  expect(r.errors).toEqual([]);
});
afterAll(async () => {
  await ctx.close();
  await content.cleanup();
});

describe("search understands how people ask", () => {
  it("finds traditional-character queries and says it converted them", async () => {
    const r = await search("異地就醫備案");
    expect(r.query.converted).toBe(true);
    expect(r.hits[0]?.slug).toBe("yidi-beian");
  });

  it("reads full pinyin and initials", async () => {
    expect((await search("menzhen tongchou")).hits[0]?.slug).toBe("menzhen-tongchou-bijie");
    expect((await search("mztc")).hits[0]?.slug).toBe("menzhen-tongchou-bijie");
    expect((await search("yidi jiuyi")).hits[0]?.slug).toBe("yidi-beian");
  });

  it("repairs homophone typos and names what it searched instead", async () => {
    const r = await search("门诊通筹");
    expect(r.shownFor).toBe("门诊统筹");
    expect(r.hits[0]?.slug).toBe("menzhen-tongchou-bijie");
  });

  it("shows the answer's matching passage, how many answers, who answered and when", async () => {
    const [hit] = (await search("服务平台")).hits;
    expect(hit?.slug).toBe("yidi-beian");
    expect(hit?.snippet).toContain("<mark>");
    expect(hit?.snippet).toContain("选择");
    expect(hit).toMatchObject({ answerCount: 1, advisor: { id: "test-lawyer" }, answerDate: "2025-01-11" });
  });

  it("applies synonyms from the vocabulary in both directions", async () => {
    expect((await search("异地就医报备")).hits[0]?.slug).toBe("yidi-beian");
  });

  it("counts facets: provinces, cities, insurance, topics, years", async () => {
    const r = await search("", { facets: "1" });
    expect(r.facets?.province).toMatchObject({ "520000": 1 });
    expect(r.facets?.city).toMatchObject({ "520500": 1 });
    expect(r.facets?.insurance).toMatchObject({ resident: 3, employee: 1 });
    expect(r.facets?.year).toMatchObject({ "2025": 1 });
  });
});

describe("related questions", () => {
  it("stores curated links first and never the article itself", async () => {
    const { related } = await relationsOf(ctx.db, await articleId(ctx.db, "yidi-beian"));
    expect(related[0]?.slug).toBe("menzhen-tongchou-bijie");
    expect(related.map((r) => r.slug)).not.toContain("yidi-beian");
  });

  it("lists answered questions for an unanswered one", async () => {
    const { related } = await relationsOf(ctx.db, await articleId(ctx.db, "dingdian-daijieda"));
    expect(related.length).toBeGreaterThan(0);
    expect(related.every((r) => isAnswered(r.state))).toBe(true);
  });
});

describe("search log", () => {
  it("records queries in batches for content-gap reports", async () => {
    const { logSearch, flush } = await import("../../lib/search/log.ts");
    logSearch(ctx.db, { query: "没有的词", kind: "chinese", filters: { region: "520500" }, hits: 0, mode: "meilisearch" });
    logSearch(ctx.db, { query: "异地就医", kind: "chinese", filters: {}, hits: 3, mode: "meilisearch" });
    await flush(ctx.db);
    const zero = await ctx.db.searchLog.findMany({ where: { hits: 0 } });
    expect(zero.map((r) => [r.query, r.filters])).toEqual([["没有的词", { region: "520500" }]]);
    expect(await ctx.db.searchLog.count()).toBe(2);
  });
});

describe("narrow results", () => {
  it("adds the best hit's related questions apart when a query fills less than a page", async () => {
    const p = parseSearchParams({ q: "村卫生室" });
    if (!p.success) throw p.error;
    const r = await searchArticles(p.data, { index: ctx.index, lexicon, db: ctx.db, neighbours: neighboursIn(ctx.db) });
    expect(r.hits.map((h) => h.slug)).toEqual(["menzhen-tongchou-bijie"]);
    const { related } = await relationsOf(ctx.db, await articleId(ctx.db, "menzhen-tongchou-bijie"));
    expect(related.length).toBeGreaterThan(0);
    expect(r.more.map((h) => h.slug)).toEqual(related.map((x) => x.slug));
  });
});

describe("what the search learns from the content", () => {
  it("stores a lexicon of the corpus, repairs typos of its words and searches article aliases", async () => {
    await writeFile(
      join(content.dir, "questions", "yajin-tuihuan.md"),
      `---\ntitle: 出院以后押金多久退回来\nregion: "000000"\ninsurance: [resident]\ntopics: [住院]\npublished: 2025-02-01\naliases: [结账后剩下的预交款怎么拿回]\n---\n\n:::answer{advisor="test-lawyer" date="2025-02-02"}\n押金在出院结算时多退少补，押金收据要留好。\n:::\n`,
    );
    const r = await ingestContent({ contentDir: content.dir, databaseUrl: ctx.databaseUrl, index: ctx.index });
    expect(r.errors).toEqual([]);
    expect((await refreshLexicon(ctx.db)).rebuilt).toBe(true);
    const stored = await loadStoredLexicon(ctx.db);
    expect(stored?.words.words.find(([w]) => w === "押金")?.[1]).toBeGreaterThanOrEqual(2);
    const { vocabulary } = await loadSearchVocabulary(content.dir);
    const learned = searchLexicon(await loadLexiconWords(content.dir), vocabulary, stored!.words);
    const p = parseSearchParams({ q: "鸭金多久退" });
    if (!p.success) throw p.error;
    const typo = await searchArticles(p.data, { index: ctx.index, lexicon: learned });
    expect(typo.shownFor).toBe("押金多久退");
    expect(typo.hits[0]?.slug).toBe("yajin-tuihuan");
    expect((await search("剩下的预交款怎么拿回")).hits[0]?.slug).toBe("yajin-tuihuan");
  });

  it("rebuilds the lexicon only when the public content changed", async () => {
    const before = await loadStoredLexicon(ctx.db);
    expect((await refreshLexicon(ctx.db)).rebuilt).toBe(false);
    await ctx.db.article.update({ where: { slug: "yajin-tuihuan" }, data: { state: ARTICLE_STATES.find((x) => !isPublic(x))! } });
    expect((await refreshLexicon(ctx.db)).rebuilt).toBe(true);
    const after = await loadStoredLexicon(ctx.db);
    expect(after?.version).not.toBe(before?.version);
    expect(after?.words.words.find(([w]) => w === "押金")).toBeUndefined();
  });
});
