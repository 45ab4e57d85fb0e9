// A reader's question end to end, as a new user would live it: a search that finds nothing offers the
// ask form (similar questions while typing, region down to the city, personal data masked and said
// so), the private follow link shows 等待审核, a reviewer accepts it in the moderation page, an advisor
// answers it from the queue, the reviewer approves, and the follow link shows the answer.
import { execFileSync } from "node:child_process";
import { expect, type Page, test } from "@playwright/test";

const cli = (script: string, args: string[], input?: string) =>
  execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", `scripts/${script}.ts`, ...args], {
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR, DATABASE_URL: "", MEILI_URL: "" },
    input,
    encoding: "utf8",
  });

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/admin/sign-in");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("navigation", { name: "编辑后台" })).toBeVisible();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in/);
}

test("ask → moderate → answer → follow", async ({ page, context }) => {
  test.setTimeout(150_000);
  const run = Date.now().toString(36);
  const password = "ask e2e password 1";
  cli("user-add", ["--email", `rev-${run}@example.cn`, "--name", "赵审核", "--role", "reviewer", "--password-stdin"], `${password}\n`);
  cli("user-add", ["--email", `adv-${run}@example.cn`, "--name", "钱顾问", "--role", "advisor", "--password-stdin"], `${password}\n`);

  // A search that finds nothing: the reason, and the ask form, prefilled with the query.
  await page.goto(`/search?q=zzxq${run}`);
  await expect(page.getByText("没有找到相关问题")).toBeVisible();
  await expect(page.getByText("还没有这个问题的解答")).toBeVisible();
  const form = page.getByRole("region", { name: "没找到答案？向顾问提问" });
  const title = `我叫王小明，深圳灵活就业人员医保怎么交（${run}）`;
  // While typing, questions that may already answer it (typed again until the form is hydrated).
  await expect(async () => {
    await form.getByLabel("你的问题").fill("");
    await form.getByLabel("你的问题").fill("异地就医备案");
    await expect(form.getByText("这些问题可能已有解答")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(form.locator(".similar a").first()).toBeVisible();
  await form.getByLabel("你的问题").fill(title);
  await form.getByLabel("补充说明（选填）").fill("电话 13800138000，想每月自己交。");
  // Keyboard and native selects: province, then its cities.
  await form.getByLabel("参保地（省）").selectOption({ label: "广东省" });
  await form.getByLabel("城市").selectOption({ label: "深圳市" });
  await form.getByLabel("险种").selectOption("employee");
  await form.getByLabel("险种").press("Tab");
  await page.keyboard.press("Enter");
  const status = page.getByRole("status").filter({ hasText: "审核通过后" });
  await expect(status).toBeVisible();
  await expect(status).toContainText("姓名");
  await expect(status).toContainText("电话号码");
  const followUrl = await status.locator("a.follow-link").getAttribute("href");
  expect(followUrl).toMatch(/^\/follow\/[A-Za-z0-9_-]{43}$/);

  // The follow link, in a browser with no session: pending, with the masked text.
  const reader = await context.browser()!.newContext({ baseURL: test.info().project.use.baseURL });
  const follow = await reader.newPage();
  await follow.goto(followUrl!);
  await expect(follow.getByText("等待审核", { exact: true })).toBeVisible();
  await expect(follow.getByRole("heading", { level: 1 })).toContainText("我叫［姓名已隐去］");
  await expect(follow.locator("body")).not.toContainText("13800138000");
  expect(await follow.locator('meta[name="robots"]').getAttribute("content")).toContain("noindex");

  // The reviewer accepts it.
  await signIn(page, `rev-${run}@example.cn`, password);
  await page.getByRole("link", { name: "提问审核" }).click();
  const item = page.getByRole("listitem", { name: /深圳灵活就业人员医保怎么交/ }).filter({ hasText: run });
  await expect(item).toContainText("广东省深圳市");
  await item.getByRole("button", { name: "接受" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已接受" })).toBeVisible();
  await signOut(page);
  await follow.reload();
  await expect(follow.getByRole("status")).toContainText("等待顾问解答");

  // The unanswered page: 待解答, out of search engines, with the follow and ask actions.
  await follow.getByRole("link", { name: "打开公开的问题页面" }).click();
  await expect(follow.getByRole("heading", { name: "待解答" })).toBeVisible();
  expect(await follow.locator('meta[name="robots"]').getAttribute("content")).toContain("noindex");
  await expect(follow.getByRole("button", { name: "关注这个问题" })).toBeVisible();
  await expect(follow.getByRole("region", { name: "你的情况不一样？向顾问提问" })).toBeVisible();
  const slug = new URL(follow.url()).pathname.split("/").pop()!;

  // An advisor answers it from the queue; the reviewer approves.
  await signIn(page, `adv-${run}@example.cn`, password);
  const row = page.getByRole("row").filter({ hasText: run });
  await row.getByRole("button", { name: "认领并解答" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/q/${slug}$`));
  const word = `灵活就业参保${run}`;
  await page.getByLabel("解答（Markdown）").fill(`深圳灵活就业人员可以在“深圳社保”小程序自行申请参加职工医保，按月缴费。${word}`);
  await expect(page.getByRole("status")).toContainText("草稿已保存", { timeout: 10_000 });
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByRole("status")).toContainText("已提交审核");
  await signOut(page);
  await signIn(page, `rev-${run}@example.cn`, password);
  await page.goto("/admin/reviews");
  await page.getByRole("link", { name: new RegExp(run) }).click();
  await page.getByRole("button", { name: "批准并发布" }).click();
  await expect(page.getByRole("status")).toContainText("已批准并发布");

  // The follow link shows the answer.
  await follow.goto(followUrl!);
  await expect(follow.getByRole("status")).toContainText("顾问已经解答");
  await expect(follow.getByRole("article")).toContainText(word);
  await reader.close();
});

test("a city with no content says so and offers the nationwide rules", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("深圳异地就医备案")}`);
  await expect(page.getByRole("heading", { name: /还没有深圳市的解答，以下是全国通用的规定/ })).toBeVisible();
});
