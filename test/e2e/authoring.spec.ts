// The authoring loop in a real browser, as a new team would live it: the first admin from the CLI,
// accounts created in the app, an advisor's answer with a citation and a calculator, a draft that
// survives a reload, a refused self-approval, a reviewer's approval, and the answer live and searchable.
import { execFileSync } from "node:child_process";
import { expect, type Page, test } from "@playwright/test";

const cli = (script: string, args: string[], input?: string) =>
  execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", `scripts/${script}.ts`, ...args], {
    // The running site's data folder: the CLI finds its servers there.
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

async function createAccount(page: Page, email: string, name: string, role: string): Promise<string> {
  await page.goto("/admin/accounts");
  const form = page.locator("form.admin-form");
  await form.getByLabel("邮箱").fill(email);
  await form.getByLabel("姓名").fill(name);
  await form.getByLabel("角色").selectOption(role);
  await form.getByRole("button", { name: "创建账号" }).click();
  const status = page.getByRole("status");
  await expect(status).toContainText("初始密码");
  return (await status.textContent())!.split("：").pop()!.trim();
}

test("admin → accounts → advisor writes → reviewer approves → live and searchable", async ({ page, request }) => {
  test.setTimeout(120_000);
  const run = Date.now().toString(36);
  const adminEmail = `admin-${run}@example.cn`;
  const out = cli("user-add", ["--email", adminEmail, "--name", "管理员", "--role", "admin", "--password-stdin"], "harbor lantern 2931 quiet\n");
  expect(out).toContain(`created admin ${adminEmail}`);

  await signIn(page, adminEmail, "harbor lantern 2931 quiet");
  const advisorPassword = await createAccount(page, `advisor-${run}@example.cn`, "张顾问", "advisor");
  const reviewerPassword = await createAccount(page, `reviewer-${run}@example.cn`, "李审核", "reviewer");
  await signOut(page);

  // The advisor: a new question of this run, claimed from the queue.
  await signIn(page, `advisor-${run}@example.cn`, advisorPassword);
  const created = await page.request.post("/api/admin/questions", { data: { title: `辞职以后医保怎么续上（${run}）？`, region: "520500", insurance: ["employee", "resident"], topics: ["参保缴费"] } });
  expect(created.status()).toBe(201);
  const { slug } = (await created.json()) as { slug: string };
  await page.goto("/admin");
  const row = page.getByRole("row").filter({ hasText: `辞职以后医保怎么续上（${run}）` });
  await row.getByRole("button", { name: "认领并解答" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/q/${slug}$`));

  const word = `端到端解答${run}`;
  await page.getByLabel("解答（Markdown）").fill(`离职后可以转为灵活就业人员参加职工医保，或参加居民医保。${word}`);
  await page.getByRole("button", { name: "添加一条依据" }).click();
  await page.getByLabel("文件名称").fill("中华人民共和国社会保险法");
  await page.getByLabel("条款").fill("第二十三条");
  await page.getByLabel("插入计算器").selectOption({ index: 1 });
  await expect(page.locator(".preview")).toContainText(word);
  // The calculator in the preview is the live widget readers will get.
  await expect(page.locator(".preview")).toContainText("个人负担");
  await expect(page.getByRole("status")).toContainText("草稿已保存", { timeout: 10_000 });
  await page.reload();
  await expect(page.getByLabel("解答（Markdown）")).toContainText(word);
  await expect(page.getByLabel("文件名称")).toHaveValue("中华人民共和国社会保险法");
  await expect(page.getByLabel("解答（Markdown）")).toContainText("::calculator{");
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByRole("status")).toContainText("已提交审核");
  // An advisor cannot approve anything, least of all their own work.
  const queue = (await (await page.request.get("/api/admin/queue")).json()) as { items: { slug: string }[] };
  expect(queue.items.map((i) => i.slug)).toContain(slug);
  expect((await page.request.post("/api/admin/reviews/1", { data: { decision: "approve" } })).status()).toBe(403);
  await signOut(page);

  // The reviewer sees what changed and approves.
  await signIn(page, `reviewer-${run}@example.cn`, reviewerPassword);
  await page.goto("/admin/reviews");
  await page.getByRole("link", { name: `辞职以后医保怎么续上（${run}）？` }).click();
  await expect(page.locator(".diff ins").first()).toContainText("灵活就业");
  await expect(page.getByText("新增：《中华人民共和国社会保险法》第二十三条")).toBeVisible();
  await page.getByRole("button", { name: "批准并发布" }).click();
  await expect(page.getByRole("status")).toContainText("已批准并发布");

  // Live on its page at once, and in search within seconds, with no rebuild or ingest.
  await page.goto(`/q/${slug}`);
  await expect(page.getByRole("article").first()).toContainText(word);
  await expect(page.getByRole("region", { name: "法律依据" }).first()).toContainText("第二十三条");
  await expect
    .poll(async () => ((await (await request.get(`/api/search?q=${encodeURIComponent(word)}`)).json()) as { hits: { slug: string }[] }).hits.map((h) => h.slug), { timeout: 5_000 })
    .toContain(slug);

  // The file channel leaves web content alone.
  cli("ingest", []);
  await page.goto(`/q/${slug}`);
  await expect(page.getByRole("article").first()).toContainText(word);
});

test("the authoring pages and API refuse visitors without a session", async ({ page, request }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/sign-in/);
  expect((await request.get("/api/admin/queue")).status()).toBe(401);
  const bad = await request.post("/api/auth/sign-in/email", { data: { email: "nobody@example.cn", password: "wrong password" } });
  expect(bad.status()).toBe(401);
});

test("the authoring app's stylesheet styles its sign-in page and stays off the public pages", async ({ page }) => {
  const loadedRules = () => page.evaluate(() => [...document.styleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join("\n"));
  await page.goto("/admin/sign-in");
  await expect(page.locator(".admin-form")).toHaveCSS("display", "grid");
  await page.goto("/");
  const rules = await loadedRules();
  expect(rules).toContain("header.site");
  expect(rules).not.toContain(".admin-form");
});
