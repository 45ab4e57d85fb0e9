// 相似问法 in the answer editor, in a real browser: an advisor adds two phrasings, a limit is refused in
// Chinese, the list survives a reload, and search finds the question by a phrasing within seconds.
import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";

const cli = (script: string, args: string[], input?: string) =>
  execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", `scripts/${script}.ts`, ...args], {
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR, DATABASE_URL: "", MEILI_URL: "" },
    input,
    encoding: "utf8",
  });

test("an advisor edits a question's 相似问法 and search finds it by them", async ({ page, request }) => {
  test.setTimeout(90_000);
  const run = Date.now().toString(36);
  const email = `aliases-${run}@example.cn`;
  cli("user-add", ["--email", email, "--name", "相似问法顾问", "--role", "advisor", "--password-stdin"], "maple kettle 4817 drift\n");
  await page.goto("/admin/sign-in");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill("maple kettle 4817 drift");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("navigation", { name: "编辑后台" })).toBeVisible();

  const created = await page.request.post("/api/admin/questions", { data: { title: `断缴以后怎么续上医保（${run}）？`, region: "000000", insurance: ["resident"], topics: ["参保缴费"] } });
  expect(created.status()).toBe(201);
  const { slug } = (await created.json()) as { slug: string };
  await page.goto(`/admin/q/${slug}`);

  const box = page.getByLabel("相似问法（每行一条）");
  await box.fill("好".repeat(1));
  await page.getByRole("button", { name: "保存相似问法" }).click();
  await expect(page.locator(".aliases-editor [role=status]")).toContainText("至少 2 个字");

  const word = `续保问法${run}`;
  await box.fill(`医保停了几年还能接着交吗\n${word}`);
  await page.getByRole("button", { name: "保存相似问法" }).click();
  await expect(page.locator(".aliases-editor [role=status]")).toContainText("已保存 2 条相似问法");
  await page.reload();
  await expect(page.getByLabel("相似问法（每行一条）")).toHaveValue(`医保停了几年还能接着交吗\n${word}`);

  await expect
    .poll(async () => ((await (await request.get(`/api/search?q=${encodeURIComponent(word)}`)).json()) as { hits: { slug: string }[] }).hits.map((h) => h.slug), { timeout: 10_000 })
    .toContain(slug);
});
