// What search engines get: robots.txt naming every sitemap, sitemaps listing only indexable pages that
// answer 200 with a canonical equal to themselves, structured data matching what the page shows,
// landing pages with their policy data, cached pages, and a published answer on its pages within 2 s.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";

const databaseUrl = () => (JSON.parse(readFileSync(join(process.env.E2E_DATA_DIR!, "runtime.json"), "utf8")) as { databaseUrl: string }).databaseUrl;
const verb = (name: string, args: object) =>
  execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "test/support/verb.ts", name, JSON.stringify(args)], {
    env: { ...process.env, DATABASE_URL: databaseUrl() },
    encoding: "utf8",
  });

/** The path of an absolute URL on the site (the site's origin is SITE_URL, requests go to baseURL). */
const pathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
const canonicalOf = (html: string) => /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
const jsonLd = (html: string) => [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);

async function sitemapUrls(request: APIRequestContext) {
  const robots = await (await request.get("/robots.txt")).text();
  const named = [...robots.matchAll(/^Sitemap: (.+)$/gm)].map((m) => m[1]!.trim());
  return { robots, named };
}

test("robots.txt names the index and every child sitemap; every listed URL is 200, indexable and canonical to itself", async ({ request }) => {
  test.setTimeout(180_000);
  const { robots, named } = await sitemapUrls(request);
  expect(robots).toMatch(/Disallow: \/admin/);
  const index = named.find((u) => u.endsWith("/sitemap.xml"))!;
  expect(index).toBeTruthy();
  const children = locs(await (await request.get(pathOf(index))).text());
  expect(children.length).toBeGreaterThanOrEqual(2);
  // Baidu does not read index files: each child is in robots.txt too.
  for (const c of children) expect(named).toContain(c);

  const urls: string[] = [];
  for (const c of children) {
    const res = await request.get(pathOf(c));
    expect(res.headers()["content-type"]).toContain("application/xml");
    const listed = locs(await res.text());
    // The drug sitemap names every page of the drug list (≈1,900 of one template): a sample of them.
    urls.push(...(pathOf(c).endsWith("/drugs.xml") ? listed.filter((_, i) => i % 100 === 0) : listed));
  }
  expect(urls.some((u) => pathOf(u).startsWith("/drugs/"))).toBe(true);
  expect(urls.some((u) => pathOf(u).startsWith("/q/"))).toBe(true);
  expect(urls.some((u) => pathOf(u) === "/regions/520500")).toBe(true);
  for (const url of urls) {
    const res = await request.get(pathOf(url), { maxRedirects: 0 });
    expect(res.status(), url).toBe(200);
    const html = await res.text();
    expect(canonicalOf(html), url).toBe(url);
    expect(html, url).not.toMatch(/<meta name="robots" content="[^"]*noindex/);
  }
});

test("a question page's structured data matches its visible answers; an unanswered page is noindex and no QAPage", async ({ page, request }) => {
  await page.goto("/q/jumin-yibao-keyi-yidi-jiuyi-ma");
  const shown = await page.locator("article.answer").count();
  const html = await (await request.get("/q/jumin-yibao-keyi-yidi-jiuyi-ma")).text();
  const qa = jsonLd(html).find((d) => d["@type"] === "QAPage")!;
  const q = qa.mainEntity as { answerCount: number; acceptedAnswer: { text: string; url: string; author: { name: string } }; suggestedAnswer?: unknown[] };
  expect(q.answerCount).toBe(shown);
  expect(1 + (q.suggestedAnswer?.length ?? 0)).toBe(shown);
  await expect(page.locator("article.answer").first()).toContainText(q.acceptedAnswer.text.slice(0, 20));
  await expect(page.locator("article.answer .advisor .name").first()).toHaveText(q.acceptedAnswer.author.name);
  expect(pathOf(q.acceptedAnswer.url)).toBe("/q/jumin-yibao-keyi-yidi-jiuyi-ma");
  expect(new URL(q.acceptedAnswer.url).hash).toBe("#answer-1");
  expect(jsonLd(html).some((d) => d["@type"] === "BreadcrumbList")).toBe(true);

  const unansweredSlug = execFileSync("grep", ["-rl", "^status: unanswered", "content/questions"], { encoding: "utf8" }).split("\n")[0]!.replace(/^.*\//, "").replace(/\.md$/, "");
  const open = await (await request.get(`/q/${unansweredSlug}`)).text();
  expect(open).toMatch(/<meta name="robots" content="noindex, follow"/);
  expect(jsonLd(open).some((d) => d["@type"] === "QAPage")).toBe(false);
});

test("the 毕节 landing page shows its policy table and calculators, links to its questions, and is served from the cache", async ({ page, request }) => {
  await page.goto("/regions/520500");
  await expect(page.locator("h1")).toHaveText("贵州省毕节市医保问答");
  const table = page.locator("figure.policy-facts").filter({ hasText: "毕节市2025年城乡居民普通门诊统筹" });
  await expect(table.getByRole("row", { name: /村卫生室/ })).toContainText("90%");
  await expect(table).toContainText("已经到期");
  await expect(table).toContainText("未核实");
  const calc = page.locator("section.calc").first();
  await expect(calc).toHaveAttribute("data-interactive", "true");
  await expect(calc.getByTestId("calc-totals")).toContainText("个人负担");
  const questions = page.locator("ul.results a.title");
  expect(await questions.count()).toBeGreaterThanOrEqual(3);
  await questions.first().click();
  await expect(page).toHaveURL(/\/q\//);

  await request.get("/regions/520500");
  const again = await request.get("/regions/520500");
  expect(again.headers()["x-nextjs-cache"]).toBe("HIT");
  const q1 = await request.get("/q/jumin-yibao-keyi-yidi-jiuyi-ma");
  expect(q1.status()).toBe(200);
  expect((await request.get("/q/jumin-yibao-keyi-yidi-jiuyi-ma")).headers()["x-nextjs-cache"]).toBe("HIT");
});

// How fast (the target is 2 s) is measured by `npm run bench:pages`, not asserted here.
test("an answer published through the authoring path reaches its cached question page and its landing page", async ({ request }) => {
  test.setTimeout(90_000);
  const run = Date.now().toString(36);
  const slug = `e2e-seo-${run}`;
  const word = `缓存刷新词${run}`;
  const title = `毕节门诊统筹报销要带什么材料（${run}）`;
  verb("createArticle", { by: "e2e", article: { slug, title, region: "520500", insurance: ["resident"], topics: ["门诊统筹"], year: 2025, published: "2026-12-01", status: "unanswered", related: [], citations: [], answers: [] } });
  // The landing page and the (unanswered) question page are rendered and cached before the answer exists.
  await expect.poll(async () => (await (await request.get("/regions/520500")).text()).includes(title), { timeout: 10_000 }).toBe(true);
  expect(await (await request.get(`/q/${slug}`)).text()).toContain("待解答");
  expect((await request.get(`/q/${slug}`)).headers()["x-nextjs-cache"]).toBe("HIT");

  verb("publishAnswer", { articleSlug: slug, advisorId: "wang-lin", body: `带上医保电子凭证即可。${word}`, by: "e2e" });
  await expect.poll(async () => (await (await request.get(`/q/${slug}`)).text()).includes(word), { timeout: 10_000, intervals: [100] }).toBe(true);
  // The landing page's list item for the question (HTML, not a browser: the 2 s are the site's, not Chromium's).
  const listing = async () => {
    const html = await (await request.get("/regions/520500")).text();
    const at = html.indexOf(`<a class="title" href="/q/${slug}">`);
    return at < 0 ? "" : html.slice(at, html.indexOf("</li>", at));
  };
  await expect.poll(listing, { timeout: 10_000, intervals: [100] }).toContain("1 位顾问解答");
  verb("setArticleState", { articleSlug: slug, state: "archived", by: "e2e" });
});
