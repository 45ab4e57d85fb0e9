import { expect, test } from "@playwright/test";

test("a visitor searches in Chinese from the home page and opens an answer", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("医保");
  const box = page.locator("#home-search");
  await box.fill("异地就医备案");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  const results = page.locator("ul.results > li");
  await expect(results.first()).toBeVisible();
  await expect(results.first().locator("mark").first()).toBeVisible();
  await results.first().locator("a.title").click();
  await expect(page).toHaveURL(/\/q\//);
  await expect(page.locator("article.answer").first()).toBeVisible();
  await expect(page.locator(".advisor .sample").first()).toHaveText("示例顾问");
  await expect(page.getByText("仅供参考").first()).toBeVisible();
});

test("a question page shows structured citations and chips that lead to its region", async ({ page }) => {
  // 法律依据 under the answer it supports: the law's title, the article and the quoted text.
  await page.goto("/q/bei-ren-zhuangshang-yibao-baoxiao");
  const first = page.getByRole("article").first().getByRole("region", { name: "法律依据" });
  await expect(first.locator("cite")).toHaveText("《中华人民共和国社会保险法》第三十条");
  await expect(first.locator("blockquote")).toContainText("由基本医疗保险基金先行支付");
  const second = page.getByRole("article").nth(1).getByRole("region", { name: "法律依据" });
  await expect(second.locator("cite")).toHaveText("《医疗保障基金使用监督管理条例》（国务院令第735号）");

  await page.goto("/search?region=520500");
  await expect(page.locator("h1")).toContainText("毕节");
  await page.locator("ul.results > li a.title").first().click();
  const chip = page.locator(".meta a.chip", { hasText: "毕节市" }).first();
  await expect(chip).toBeVisible();
  await chip.click();
  // The region chip leads to the region's landing page.
  await expect(page).toHaveURL(/\/regions\/520500$/);
});

test("unknown pages and bad parameters get clear answers, not errors", async ({ page, request }) => {
  const missing = await page.goto("/q/does-not-exist");
  expect(missing?.status()).toBe(404);
  await expect(page.locator("h1")).toHaveText("找不到这个页面");

  const bad = await request.get("/api/search?region=999999");
  expect(bad.status()).toBe(400);
  const fields = (await bad.json()).fields as { path: string[]; message: string }[];
  expect(fields.find((f) => f.path[0] === "region")?.message).toContain("地区代码无效");

  // 5,000 characters (ASCII, so that the URL stays under Node's 16 KB header limit) and a silly page.
  const huge = await request.get(`/api/search?q=${"yibao ".repeat(834)}&page=10000`);
  expect(huge.status()).toBe(200);
  expect((await huge.json()).page).toBe(50);
  const longChinese = await request.get(`/api/search?q=${encodeURIComponent("异地就医怎么备案".repeat(150))}`);
  expect(longChinese.status()).toBe(200);

  await page.goto("/search?region=abc");
  await expect(page.locator(".notice[role=alert]")).toContainText("地区代码无效");
});

test("the search API answers in the documented shape", async ({ request }) => {
  const res = await request.get("/api/search?q=%E5%BC%82%E5%9C%B0%E5%B0%B1%E5%8C%BB");
  const body = await res.json();
  expect(body.mode).toBe("meilisearch");
  expect(body.total).toBeGreaterThan(0);
  expect(body.hits[0]).toEqual(
    expect.objectContaining({ slug: expect.any(String), title: expect.any(String), snippet: expect.any(String), url: expect.stringMatching(/^\/q\//), region: expect.any(String), insurance: expect.any(Array), topics: expect.any(Array) }),
  );
  expect(typeof body.tookMs).toBe("number");
});
