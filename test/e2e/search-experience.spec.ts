import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test("suggestions appear as you type and work with the keyboard", async ({ page }) => {
  await page.goto("/");
  const box = page.locator("#home-search");
  await box.click();
  await box.pressSequentially("异地就医", { delay: 30 });
  const list = page.locator("ul[role=listbox]").filter({ has: page.locator("li") }).first();
  await expect(list).toBeVisible();
  await expect(box).toHaveAttribute("aria-expanded", "true");
  await box.press("ArrowDown");
  const first = list.locator("li[role=option]").first();
  await expect(first).toHaveAttribute("aria-selected", "true");
  const title = (await first.textContent())!;
  await box.press("Enter");
  await expect(page).toHaveURL(/\/q\//);
  await expect(page.locator("h1")).toHaveText(title);
});

test("a homophone typo is corrected and the page says so", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("门诊通筹")}`);
  await expect(page.locator(".notice[role=status]")).toContainText("已显示“门诊统筹”的结果");
  await expect(page.locator("ul.results > li").first()).toBeVisible();
});

test("traditional characters and pinyin find the same articles", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("異地就醫備案")}`);
  await expect(page.locator("ul.results > li a.title").first()).toContainText("备案");
  await page.goto("/search?q=ydjy");
  await expect(page.locator("ul.results > li").first()).toBeVisible();
});

test("facets narrow by province then city, and keyboard users can reach them", async ({ page }) => {
  await page.goto("/search?q=");
  const facets = page.getByRole("navigation", { name: "筛选" });
  const guizhou = facets.getByRole("link", { name: /贵州省/ });
  await guizhou.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/region=520000/);
  await facets.getByRole("link", { name: /毕节市/ }).click();
  await expect(page).toHaveURL(/region=520500/);
  for (const title of await page.locator("ul.results > li .meta").allTextContents()) expect(title).toContain("毕节");
});

test("a question page shows advisors, related questions and similar phrasings", async ({ page }) => {
  await page.goto("/q/jumin-yibao-keyi-yidi-jiuyi-ma");
  await expect(page.getByRole("heading", { name: "相似问法" })).toBeVisible();
  await expect(page.locator("#duplicates + ul a")).toContainText(["居民医保是否可以异地就医？"]);
  await expect(page.locator("#related + ul li").first()).toBeVisible();
  await page.goto("/q/jumin-yibao-shifou-keyi-yidi-jiuyi");
  await expect(page.getByRole("heading", { name: "待解答" })).toBeVisible();
  await expect(page.locator("#related + ul li").first()).toBeVisible();
});

for (const path of ["/", "/search?q=%E5%BC%82%E5%9C%B0%E5%B0%B1%E5%8C%BB", "/q/jumin-yibao-keyi-yidi-jiuyi-ma", "/search?q=zzzzqqq"]) {
  test(`no accessibility violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}

test("the header box shows the query of the results page", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("生育津贴")}`);
  await expect(page.locator("#site-search")).toHaveValue("生育津贴");
});
