// Results that answer at a glance, on a desktop and on a phone.
import { expect, type Page, test } from "@playwright/test";

/** Types into the home page's box and returns it once the suggestions are open. */
async function typeSuggestions(page: Page, text: string) {
  await page.goto("/");
  const box = page.locator("#home-search");
  await box.click();
  await box.pressSequentially(text, { delay: 30 });
  await expect(box).toHaveAttribute("aria-expanded", "true");
  return box;
}

test("Escape closes the suggestions and keeps what was typed", async ({ page }) => {
  const box = await typeSuggestions(page, "异地就医");
  await box.press("Escape");
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await expect(box).toHaveValue("异地就医");
});

test("a result shows the answer's passage, how many answers, who answered and when", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("异地就医备案")}`);
  const first = page.locator("ul.results > li").first();
  await expect(first.locator(".snippet mark").first()).toBeVisible();
  await expect(first.locator(".answered-by")).toContainText(/\d+ 条解答 · .+ · \d{4}-\d{2}-\d{2} 解答/);
});

test("a year alone finds that year's answers and the page says so; mixed pinyin finds its words", async ({ page }) => {
  await page.goto("/search?q=2026");
  await expect(page.getByText("显示2026年的解答")).toBeVisible();
  await expect(page.locator("ul.results > li").first()).toBeVisible();
  await page.goto(`/search?q=${encodeURIComponent("yd jiuyi")}`);
  await expect(page.locator("ul.results > li a.title").first()).toContainText("异地");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("results come first and the facets open from 筛选", async ({ page }) => {
    await page.goto(`/search?q=${encodeURIComponent("门诊统筹")}`);
    const first = page.locator("ul.results > li").first();
    const box = await first.boundingBox();
    expect(box!.y).toBeLessThan(844);
    const facets = page.getByRole("navigation", { name: "筛选" });
    await expect(facets).toBeHidden();
    await page.getByRole("button", { name: /^筛选/ }).click();
    await expect(facets).toBeVisible();
  });

  test("the suggestion list is as wide as the screen", async ({ page }) => {
    await typeSuggestions(page, "异地就医");
    const list = page.locator("ul[role=listbox]").filter({ has: page.locator("li") }).first();
    await expect(list).toBeVisible();
    const r = await list.boundingBox();
    expect(Math.round(r!.x)).toBe(0);
    expect(Math.round(r!.width)).toBeGreaterThanOrEqual(385);
  });
});

test("a page past the last goes to the last page that has results", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("医保")}&page=99`);
  const url = new URL(page.url());
  const last = Number(url.searchParams.get("page"));
  expect(last).toBeGreaterThan(1);
  expect(last).toBeLessThan(50);
  await expect(page.getByRole("navigation", { name: "分页" })).toContainText(`第 ${last} / ${last} 页`);
  await expect(page.locator("main a[href^='/q/']").first()).toBeVisible();
});
