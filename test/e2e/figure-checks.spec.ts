// A reviewer checks figures against the official document in the authoring app — a policy's, then an
// answer's — and the marks show at once on the calculator, the (cached) landing page and the (cached)
// question page.
import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";

const POLICY = "650200-2025-employee-outpatient";
const TITLE = "克拉玛依市2025年职工医保普通门诊统筹";

test("a reviewer marks a policy verified; its calculator and landing page show the mark", async ({ page }) => {
  test.setTimeout(90_000);
  const run = Date.now().toString(36);
  const email = `policy-reviewer-${run}@example.cn`;
  execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/user-add.ts", "--email", email, "--name", "周核实", "--role", "reviewer", "--password-stdin"], {
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR, DATABASE_URL: "", MEILI_URL: "" },
    input: "amber kite harbour 7429\n",
  });
  // The landing page is cached before the check: the check must expire it.
  await page.goto("/regions/650200");
  await expect(page.locator("figure.policy-facts").filter({ hasText: TITLE })).toContainText("未核实");

  await page.goto("/admin/sign-in");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill("amber kite harbour 7429");
  await page.getByRole("button", { name: "登录" }).click();
  await page.getByRole("navigation", { name: "编辑后台" }).getByRole("link", { name: "政策核实" }).click();
  await page.getByRole("link", { name: TITLE }).click();
  await expect(page.locator("h1")).toHaveText(TITLE);

  const form = page.getByRole("form", { name: "记录核实结果" });
  await form.getByLabel("与官方文件一致").check();
  // Without the source the server names what is missing, and nothing is recorded.
  await form.getByRole("button", { name: "记录核实结果" }).click();
  await expect(form.getByRole("alert")).toContainText("请补全标出的项目");
  await expect(form.getByLabel(/官方文件标题/)).toHaveAttribute("aria-invalid", "true");
  await expect(form).toContainText("标为“与官方文件一致”时需要填写官方网址");
  await form.getByLabel(/官方文件标题/).fill("克拉玛依市职工基本医疗保险门诊统筹实施办法");
  await form.getByLabel(/发布机关/).fill("克拉玛依市医疗保障局");
  await form.getByLabel(/文号/).fill("克医保发〔2025〕2号");
  await form.getByLabel(/发布日期/).fill("2025-01-06");
  await form.getByLabel(/官方网址/).fill("https://example.gov.cn/klmy/menzhen");
  await form.getByRole("button", { name: "记录核实结果" }).click();
  await expect(form.getByRole("status")).toContainText("已记录");
  await expect(page.getByRole("table").last()).toContainText("周核实");

  await page.goto(`/calculators/${POLICY}`);
  const calc = page.locator("section.calc");
  await expect(calc.locator(".calc-policy")).toContainText("已核对官方文件");
  await expect(calc.locator(".calc-policy")).toContainText("由周核实核对官方文件");
  await expect(calc.getByRole("link", { name: "克拉玛依市职工基本医疗保险门诊统筹实施办法" })).toHaveAttribute("href", "https://example.gov.cn/klmy/menzhen");

  await page.goto("/regions/650200");
  const table = page.locator("figure.policy-facts").filter({ hasText: TITLE });
  await expect(table).toContainText("已核对官方文件");
  await expect(table).toContainText("由周核实核对官方文件");
  await expect(table).toContainText("克医保发〔2025〕2号");
});

test("a reviewer checks an answer's figures; the cached question page shows the check under the answer", async ({ page }) => {
  test.setTimeout(90_000);
  const run = Date.now().toString(36);
  const email = `answer-reviewer-${run}@example.cn`;
  execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/user-add.ts", "--email", email, "--name", "吴核对", "--role", "reviewer", "--password-stdin"], {
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR, DATABASE_URL: "", MEILI_URL: "" },
    input: "amber kite harbour 7429\n",
  });
  const slug = "anshan-2025-menzhen-tongchou-dingdian";
  await page.goto(`/q/${slug}`);
  await expect(page.locator("article.answer").first()).not.toContainText("对照官方文件核对");

  await page.goto("/admin/sign-in");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill("amber kite harbour 7429");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("navigation", { name: "编辑后台" })).toBeVisible();
  await page.goto(`/admin/q/${slug}`);
  const section = page.getByRole("region", { name: "核对解答中的数字" });
  await section.locator("summary").first().click();
  const form = section.getByRole("form").first();
  await form.getByLabel(/官方文件标题/).fill("鞍山市职工基本医疗保险普通门诊统筹办法");
  await form.getByLabel(/发布机关/).fill("鞍山市医疗保障局");
  await form.getByLabel(/发布日期/).fill("2025-01-02");
  await form.getByLabel(/官方网址/).fill("https://example.gov.cn/anshan/menzhen");
  await form.getByRole("button", { name: /核对结果/ }).click();
  await expect(form.getByRole("status")).toContainText("已记录");

  await page.goto(`/q/${slug}`);
  const check = page.locator("article.answer").first().locator(".answer-check");
  await expect(check).toContainText(/文中数字已于 \d{4}-\d{2}-\d{2} 由审核编辑对照官方文件核对/);
  await expect(check.getByRole("link", { name: "鞍山市职工基本医疗保险普通门诊统筹办法" })).toHaveAttribute("href", "https://example.gov.cn/anshan/menzhen");
});
