// The landing pages of the shipped content: the quality gate holds, and no indexable page is a
// near-copy of a sibling (the related-questions similarity over the questions each lists).
import { join } from "node:path";
import { expect, it } from "vitest";
import { landingArticles, landingCoverage } from "../../lib/articles/landing.ts";
import { loadShippedPolicies } from "../../lib/calculators/policies/shipped-policies.ts";
import { ingestContent } from "../../lib/content/ingest.ts";
import { buildRelationIndex, textSimilarity } from "../../lib/related/compute.ts";
import { MIN_ANSWERED, planLandingPages, type LandingPage } from "../../lib/seo/landing-pages.ts";
import { staleAnswers } from "../../lib/articles/stale.ts";
import { sandbox } from "../support/context.ts";

const SHIPPED = join(import.meta.dirname, "../../content");
const NEAR_COPY = 0.9;

it("indexes only pages that pass the gate, and no indexable page is near-identical to a sibling", async () => {
  const sb = await sandbox(SHIPPED);
  await ingestContent({ contentDir: sb.content, databaseUrl: sb.databaseUrl });
  const { byTopic, byYear } = await landingCoverage(sb.db);
  const policies = await loadShippedPolicies();
  const pages = planLandingPages(byTopic, byYear, policies.map((p) => ({ id: p.id, region: p.region, year: p.year })));

  const indexable = pages.filter((p) => p.indexable);
  expect(indexable.length).toBeGreaterThan(5);
  for (const p of pages) {
    if (p.indexable) expect(p.answered >= MIN_ANSWERED || p.policies.length > 0, p.path).toBe(true);
    else expect(p.canonical, p.path).not.toBe(p.path);
  }
  // 毕节 has policy data; 贵州's content is all 毕节's, so 贵州 defers to it.
  expect(pages.find((p) => p.path === "/regions/520500")).toMatchObject({ indexable: true });
  expect(pages.find((p) => p.path === "/regions/520000")).toMatchObject({ indexable: false, canonical: "/regions/520500" });

  // Each indexable page as one "document": its title and the titles of the questions it lists.
  const listed = async (p: LandingPage) => landingArticles(sb.db, { region: p.region, everyRegion: p.kind === "topic", topic: p.topic, year: p.year }, 100);
  const docs = await Promise.all(indexable.map(async (p) => ({ page: p, titles: (await listed(p)).map((a) => a.title) })));
  const ix = buildRelationIndex(docs.map((d) => ({ slug: d.page.path, title: d.page.title, question: d.titles.join("；"), topics: [], region: d.page.region, insurance: [], answered: true, related: [] })));
  const siblings = (a: LandingPage, b: LandingPage) => a.kind === b.kind && a.parent === b.parent;
  const copies: string[] = [];
  for (const [i, a] of docs.entries()) {
    for (const b of docs.slice(i + 1)) {
      if (!siblings(a.page, b.page) || !a.titles.length || !b.titles.length) continue;
      const s = textSimilarity(ix, a.page.path, b.page.path);
      // Jaccard: a smaller page whose questions all appear on a bigger one (备案 ⊂ 异地就医) is no copy.
      const common = a.titles.filter((t) => b.titles.includes(t)).length;
      const shared = common / (a.titles.length + b.titles.length - common);
      if (s >= NEAR_COPY || shared >= 0.8) copies.push(`${a.page.path} ~ ${b.page.path} (text ${s.toFixed(2)}, shared ${shared.toFixed(2)})`);
    }
  }
  expect(copies).toEqual([]);
});

it("lists answers about a past year for reviewers, by region and oldest first, and none about the current year", async () => {
  const sb = await sandbox(SHIPPED);
  await ingestContent({ contentDir: sb.content, databaseUrl: sb.databaseUrl });
  const stale = await staleAnswers(sb.db, "2026-12-01");
  expect(stale.some((s) => s.region === "520500" && s.year === 2025 && s.mark === "2025年标准")).toBe(true);
  expect(stale.some((s) => s.year === 2026)).toBe(false);
  const order = stale.map((s) => `${s.region}:${s.year ?? 0}`);
  expect(order).toEqual([...order].sort());
  // A year later the 2026 answers join the list.
  expect((await staleAnswers(sb.db, "2027-01-01")).some((s) => s.year === 2026)).toBe(true);
});
