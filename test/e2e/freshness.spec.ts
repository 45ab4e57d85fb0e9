// No page states a past year's figures without saying so: every public question page is walked, and
// the ones whose answers describe a year that is over (or give local figures with no year) must carry
// the notice above their answers.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";

const databaseUrl = () => (JSON.parse(readFileSync(join(process.env.E2E_DATA_DIR!, "runtime.json"), "utf8")) as { databaseUrl: string }).databaseUrl;
const currentYear = Number(new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(new Date()).slice(0, 4));

test("every public question page about a past year says so above its answers", async ({ request }) => {
  test.setTimeout(180_000);
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  const { rows } = await client.query<{ slug: string; year: number | null; region: string; bodies: string | null }>(
    `SELECT a.slug, a.year, a.region, string_agg(r.body, ' ') AS bodies
     FROM articles a LEFT JOIN answers s ON s.article_id = a.id LEFT JOIN answer_revisions r ON r.id = s.published_revision_id
     WHERE a.state IN ('published', 'unanswered') GROUP BY a.slug, a.year, a.region`,
  );
  await client.end();
  expect(rows.length).toBeGreaterThan(50);
  let past = 0;
  for (const r of rows) {
    const html = await (await request.get(`/q/${r.slug}`)).text();
    const figures = /\d[\d,.]*\s*(?:元|万元|%|％)/.test(r.bodies ?? "");
    if (r.year && r.year < currentYear) {
      past++;
      expect(html, r.slug).toContain(`以下为${r.year}年标准，${currentYear}年标准尚未核实`);
    } else if (!r.year && figures && r.region !== "000000") {
      expect(html, r.slug).toContain("以下数字未注明适用年度");
    } else {
      expect(html, r.slug).not.toContain("年标准尚未核实");
    }
  }
  expect(past).toBeGreaterThan(0);
});
