// The drug list on a phone: a query naming a drug shows its card above the answers, the card leads to
// the drug's page (every dosage form, class, restriction, edition, source); a 中成药 gets the card that
// says which parts are not held here; the drug pages are in the sitemap.
import { expect, test } from "@playwright/test";

test.use({ viewport: { width: 390, height: 844 } });

test("searching a drug on a phone shows its card first, and the card opens the drug's page", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("二甲双胍能报销吗")}`);
  const card = page.getByTestId("drug-card").first();
  await expect(card).toBeVisible();
  await expect(card.getByRole("heading")).toContainText("二甲双胍");
  await expect(card).toContainText("甲类");
  await expect(card).toContainText("2025年版，2026年1月1日起执行");
  // Above the answers, within the first screen.
  const box = await card.boundingBox();
  expect(box!.y).toBeLessThan(844);
  const firstResult = page.locator("ul.results > li").first();
  if (await firstResult.count()) expect((await firstResult.boundingBox())!.y).toBeGreaterThan(box!.y);
  // Nothing wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await card.getByRole("link", { name: "二甲双胍", exact: true }).click();
  await expect(page).toHaveURL(/\/drugs\/erjiashuanggua$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("二甲双胍");
  await expect(page.getByTestId("drug-edition")).toContainText("2025年版，2026年1月1日起执行");
  await expect(page.getByText("口服常释剂型").first()).toBeVisible();
  await expect(page.getByRole("link", { name: /PDF 第 \d+ 页/ }).first()).toHaveAttribute("href", /P020251207694651387946\.pdf#page=\d+/);
  await expect(page.getByRole("heading", { name: "甲类、乙类是什么意思" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("pinyin with a wrong syllable still finds the drug", async ({ page }) => {
  await page.goto("/search?q=ermoshuanggua");
  await expect(page.getByTestId("drug-card").first().getByRole("heading")).toContainText("二甲双胍");
});

test("a 中成药 gets the card saying which parts are not held here, never 不在医保目录", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("连花清瘟胶囊能报销吗")}`);
  const card = page.getByTestId("drug-card-unlisted");
  await expect(card).toBeVisible();
  await expect(card).toContainText("中成药部分");
  await expect(card).toContainText("中药饮片部分");
  await expect(card).toContainText("12393");
  await expect(page.locator("body")).not.toContainText(/不在(国家)?医保(药品)?目录/);
});

test("the drug pages are in the sitemap and answer as JSON cards in the API", async ({ request }) => {
  const xml = await (await request.get("/sitemaps/drugs.xml")).text();
  expect(xml).toContain("/drugs/erjiashuanggua</loc>");
  const res = await (await request.get(`/api/search?q=${encodeURIComponent("二甲双胍")}`)).json();
  expect(res.cards[0]).toMatchObject({ kind: "drug", listed: true, title: "二甲双胍", url: "/drugs/erjiashuanggua" });
});
