import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";

// The running site's Postgres, as `npm start` records it for other commands.
const databaseUrl = () => (JSON.parse(readFileSync(join(process.env.E2E_DATA_DIR!, "runtime.json"), "utf8")) as { databaseUrl: string }).databaseUrl;
const verb = (name: string, args: object) =>
  execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "test/support/verb.ts", name, JSON.stringify(args)], {
    env: { ...process.env, DATABASE_URL: databaseUrl() },
    encoding: "utf8",
  });

test("a question and answer written through the domain verbs are on the site and in search, and a renamed question's old address answers 308", async ({ page, request }) => {
  test.setTimeout(90_000); // four verb runs, each a Node start-up
  // Its own article, written as the web app will write it, so no other test sees the change.
  const run = Date.now().toString(36);
  const slug = `e2e-verb-${run}`;
  const word = `端到端独有词${run}`;
  verb("createArticle", { by: "e2e", article: { slug, title: `断缴三个月还能补缴吗（${run}）`, region: "000000", insurance: ["employee"], topics: ["缴费"], published: "2026-12-01", status: "unanswered", related: [], citations: [], answers: [] } });
  verb("publishAnswer", { articleSlug: slug, advisorId: "wang-lin", body: `三个月内补缴一般可以接续。${word}`, by: "e2e" });
  await page.goto(`/q/${slug}`);
  await expect(page.getByRole("article").first()).toContainText(word);
  // The worker, woken by the publish, puts it into search with no ingest run.
  await expect
    .poll(async () => (await (await request.get(`/api/search?q=${encodeURIComponent(word)}`)).json()).hits.map((h: { slug: string }) => h.slug), { timeout: 10_000 })
    .toContain(slug);

  verb("renameArticle", { articleSlug: slug, slug: `${slug}-renamed`, by: "e2e" });
  // The page was cached; the worker expires it once it has applied the rename.
  await expect.poll(async () => (await request.get(`/q/${slug}`, { maxRedirects: 0 })).status(), { timeout: 10_000 }).toBe(308);
  const old = await request.get(`/q/${slug}`, { maxRedirects: 0 });
  expect(old.headers()["location"]).toBe(`/q/${slug}-renamed`);
  await page.goto(`/q/${slug}`);
  await expect(page).toHaveURL(new RegExp(`/q/${slug}-renamed$`));
  await expect(page.locator("h1")).toContainText("断缴三个月还能补缴吗");
  verb("setArticleState", { articleSlug: `${slug}-renamed`, state: "archived", by: "e2e" });
  await expect.poll(async () => (await request.get(`/q/${slug}-renamed`)).status(), { timeout: 10_000 }).toBe(404);
});
