// Ranking by region and year on a real Meilisearch: the same question answered for a city, its
// province, the nation and another city; a year typed that no article has.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildLexicon } from "../../lib/query/lexicon.ts";
import { toSearchDocument } from "../../lib/search/document.ts";
import { parseSearchParams } from "../../lib/search/params.ts";
import { RANK_WINDOW, searchArticles } from "../../lib/search/query.ts";
import { testContext } from "../support/context.ts";

let ctx: Awaited<ReturnType<typeof testContext>>;
const lexicon = buildLexicon(["门诊统筹", "报销比例"]);
const search = async (q: string, extra: Record<string, string> = {}) => {
  const p = parseSearchParams({ q, ...extra });
  if (!p.success) throw p.error;
  return searchArticles(p.data, { index: ctx.index, lexicon });
};

const article = (slug: string, title: string, region: string, year?: number) =>
  toSearchDocument({
    id: randomUUID(), slug, title, question: null, topics: ["门诊统筹"], region, insurance: ["resident"], year: year ?? null, state: "published",
    published: "2025-01-01", updated: null, answers: [{ body: `${title}：按当地规定执行。`, advisor: "test-lawyer", date: "2025-01-02" }],
  });

beforeAll(async () => {
  ctx = await testContext();
  await ctx.index
    .addDocuments([
      // Listed so that the engine alone would not give the preferred order.
      article("qita-chengshi", "鞍山门诊统筹报销比例", "210300"),
      article("quanguo", "门诊统筹报销比例是多少", "000000"),
      article("shengji", "贵州门诊统筹报销比例", "520000"),
      article("bijie-2024", "门诊统筹报销比例（毕节）", "520500", 2024),
      article("bijie-2025", "门诊统筹报销比例（毕节）", "520500", 2025),
      // Enough others that the preferred ones must be lifted from beyond the first page.
      ...Array.from({ length: 14 }, (_, i) => article(`liaoning-${i}`, `沈阳门诊统筹报销比例第${i}问`, "210100")),
    ])
    .waitTask({ timeout: 60_000 });
});
afterAll(async () => {
  await ctx.close();
});

describe("a place named in the query", () => {
  it("ranks the city's articles, then its province's, then nationwide, above other cities'", async () => {
    const r = await search("毕节门诊统筹报销比例");
    const slugs = r.hits.map((h) => h.slug);
    expect(slugs.slice(0, 2).sort()).toEqual(["bijie-2024", "bijie-2025"]);
    expect(slugs.indexOf("shengji")).toBeLessThan(slugs.indexOf("quanguo"));
    expect(slugs.indexOf("quanguo")).toBeLessThan(slugs.indexOf("qita-chengshi"));
    expect(slugs.indexOf("quanguo")).toBeLessThan(Math.min(...slugs.map((s, i) => (s.startsWith("liaoning") ? i : Infinity))));
    expect(r.total).toBe(19);
  });

  it("pages through the reordered window without losing or repeating a hit", async () => {
    const first = (await search("毕节门诊统筹报销比例")).hits;
    const second = (await search("毕节门诊统筹报销比例", { page: "2" })).hits;
    const seen = [...first, ...second].map((h) => h.slug);
    expect(first).toHaveLength(10);
    expect(seen).toHaveLength(19);
    expect(new Set(seen).size).toBe(19);
    expect(seen.length).toBeLessThanOrEqual(RANK_WINDOW);
    // The other cities' articles fill the second page, after everything nearer.
    expect(second.every((h) => h.slug.startsWith("liaoning") || h.slug === "qita-chengshi")).toBe(true);
  });

  it("leaves a region filter to narrow, without reordering", async () => {
    const r = await search("门诊统筹报销比例", { region: "520500" });
    expect(r.hits.map((h) => h.slug).sort()).toEqual(["bijie-2024", "bijie-2025"]);
  });
});

describe("a year typed in the query", () => {
  it("shows that year's articles and says so", async () => {
    const r = await search("2024年门诊统筹报销比例");
    expect(r.yearShown).toBe(2024);
    expect(r.hits.map((h) => h.slug)).toEqual(["bijie-2024"]);
  });

  it("shows the latest year first when the year has nothing, and says the year is missing", async () => {
    const r = await search("2030年门诊统筹报销比例");
    expect(r.yearShown).toBeUndefined();
    expect(r.yearMissing).toBe(2030);
    expect(r.hits.slice(0, 2).map((h) => h.slug)).toEqual(["bijie-2025", "bijie-2024"]);
  });
});
