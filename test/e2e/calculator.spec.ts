import { expect, test, type Page } from "@playwright/test";

const BIJIE_ARTICLE = "/q/bijie-2025-jumin-menzhen-tongchou";

async function liveCalculator(page: Page, url: string) {
  await page.goto(url);
  const calc = page.locator("section.calc").first();
  await expect(calc).toHaveAttribute("data-interactive", "true");
  return calc;
}

test("the 毕节 article's calculator: 100 yuan at a 村卫生室 costs the patient 10 yuan, and says why", async ({ page }) => {
  const calc = await liveCalculator(page, BIJIE_ARTICLE);
  const totals = calc.getByTestId("calc-totals");
  // The article's own example is the starting point: 100 yuan at a 乡镇卫生院.
  await expect(totals).toContainText("个人负担 15.00 元");

  await calc.getByLabel("就诊机构").selectOption({ label: "村卫生室/社区卫生服务站" });
  const total = calc.getByLabel("总费用（元）");
  await total.fill("");
  await total.pressSequentially("250");
  await expect(totals).toContainText("个人负担 25.00 元");

  await total.fill("");
  const answered = page.waitForResponse((r) => r.url().endsWith("/api/calculators/estimate") && r.status() === 200);
  await total.pressSequentially("100");
  await answered;
  await expect(totals).toContainText("个人负担 10.00 元");
  await expect(totals).toContainText("基金支付 90.00 元");
  await expect(totals).toHaveAttribute("aria-live", "polite");

  const steps = calc.locator(".calc-lines");
  await expect(steps).toContainText("报销比例：村卫生室/社区卫生服务站、城乡居民 90%");
  await expect(steps).toContainText("（政策范围内费用 100.00 元 − 起付线 0.00 元）× 90% = 90.00 元");
  await expect(steps).toContainText("个人负担：总费用 100.00 元 − 基金支付合计 90.00 元 = 10.00 元");
  await expect(calc.getByRole("img")).toHaveAttribute("aria-label", /个人负担 10\.00 元（10%）/);
  await expect(calc).toContainText("未核实，以官方文件为准");
});

test("the year-to-date section uses what was already paid, and bad amounts show field errors", async ({ page }) => {
  const calc = await liveCalculator(page, BIJIE_ARTICLE);
  const totals = calc.getByTestId("calc-totals");
  await calc.getByText("今年已报销（可选）").click();
  await calc.getByLabel("本年统筹基金已支付（元）").fill("450");
  await calc.getByLabel("总费用（元）").fill("200");
  // 200 × 85% = 170, but only 500 − 450 = 50 is left this year.
  await expect(totals).toContainText("个人负担 150.00 元");
  await expect(calc.locator(".calc-lines")).toContainText("本年已支付 450.00 元，剩余 50.00 元");

  await calc.getByLabel("总费用（元）").fill("12.345");
  await expect(totals).toContainText("无法计算");
  await expect(calc.getByLabel("总费用（元）")).toHaveAttribute("aria-invalid", "true");
});

test("the 咸宁 maternity calculator works with the keyboard alone", async ({ page }) => {
  const calc = await liveCalculator(page, "/q/xianning-2025-shengyu-dinge");
  const totals = calc.getByTestId("calc-totals");
  await expect(totals).toContainText("基金支付 2,500.00 元");
  await calc.getByLabel("就诊机构").focus();
  await page.keyboard.press("ArrowUp"); // 三级 → 二级: 顺产 2200
  await page.keyboard.press("Tab"); // 人员类别
  await page.keyboard.press("Tab"); // 分娩或手术类型
  await page.keyboard.press("Tab"); // 总费用（元）
  await expect(calc.getByLabel("总费用（元）")).toBeFocused();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("2000");
  // The fund pays the fixed amount at most, and never more than the bill: min(2200, 2000).
  await expect(totals).toContainText("基金支付 2,000.00 元");
  await expect(totals).toContainText("个人负担 0.00 元");
});

test("a standalone calculator keeps its state in the URL so a result can be shared", async ({ page }) => {
  const calc = await liveCalculator(page, "/calculators/650200-2025-employee-outpatient?level=level2&total=500&person=nobody");
  const totals = calc.getByTestId("calc-totals");
  // (500 − 40) × 70% = 322
  await expect(totals).toContainText("基金支付 322.00 元");
  await calc.getByLabel("人员类别").selectOption({ label: "退休人员" });
  await calc.getByLabel("总费用（元）").fill("1000");
  await expect(page).toHaveURL(/person=retired/);
  await expect(page).toHaveURL(/total=1000/);
  // (1000 − 40) × 70% = 672 ≤ 800 per visit
  await expect(totals).toContainText("基金支付 672.00 元");

  await page.reload();
  await expect(page.getByTestId("calc-totals")).toContainText("基金支付 672.00 元");
});

test("the calculators page lists policies by region and a pick leads to one", async ({ page }) => {
  await page.goto("/calculators");
  await expect(page.getByRole("heading", { level: 2, name: "贵州省毕节市" })).toBeVisible();
  await page.getByLabel("参保地").selectOption({ label: "湖北省咸宁市" });
  await page.getByLabel("年度").selectOption("2025");
  await page.getByLabel("待遇类别").selectOption({ label: "生育医疗费用" });
  await page.getByRole("button", { name: "查找计算器" }).click();
  await expect(page).toHaveURL(/\/calculators\/421200-2025-employee-maternity/);
  await expect(page.getByTestId("calc-totals")).toContainText("基金支付");

  await page.goto("/calculators?region=520500&year=2024&scheme=outpatient");
  await expect(page.locator(".calc-empty")).toContainText("暂未收录");
  const missing = await page.goto("/calculators/no-such-policy");
  expect(missing?.status()).toBe(404);
});

test("the estimate API answers to the fen and refuses malformed requests with field errors", async ({ request }) => {
  const good = await request.post("/api/calculators/estimate", {
    data: { region: "210300", year: 2025, insurance: "employee", scheme: "outpatient", level: "level3", person: "retired", total: 1000, ytd: { deductibleMet: 300, fundPaid: 2900 } },
  });
  expect(good.status()).toBe(200);
  expect(await good.json()).toMatchObject({ fund: 100, self: 900, policy: { id: "210300-2025-employee-outpatient" } });

  const bad = await request.post("/api/calculators/estimate", {
    data: { region: "52", year: 2025, insurance: "resident", scheme: "outpatient", level: "clinic", person: "resident", total: -3 },
  });
  expect(bad.status()).toBe(400);
  const body = await bad.json();
  expect(body.error).toBe("invalid_input");
  const fields = body.fields as { path: string[]; message: string }[];
  expect([...new Set(fields.map((f) => f.path.join(".")))].sort()).toEqual(["level", "region", "total"]);
  expect(fields.find((f) => f.path[0] === "total")?.message).toBe("金额不能为负数");

  const notJson = await request.post("/api/calculators/estimate", { data: "{oops", headers: { "content-type": "application/json" } });
  expect(notJson.status()).toBe(400);

  const list = await request.get("/api/calculators/policies?region=520500");
  expect((await list.json()).policies.map((p: { id: string }) => p.id)).toEqual(["520500-2025-resident-inpatient", "520500-2025-resident-outpatient"]);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("amounts are taken as people type them, and the explanation starts folded", async ({ page }) => {
    const calc = await liveCalculator(page, BIJIE_ARTICLE);
    const totals = calc.getByTestId("calc-totals");
    const total = calc.getByLabel("总费用（元）");
    // 乡镇卫生院 85%, at most 500 a year from the fund: 100 → patient 15; 1000 → fund 500, patient 500.
    for (const [typed, self] of [["１００", "15.00"], ["100元", "15.00"], ["0.1千", "15.00"], ["1,000", "500.00"], ["１千", "500.00"]]) {
      await total.fill(typed!);
      await expect(totals, typed).toContainText(`个人负担 ${self} 元`);
      await expect(total).not.toHaveAttribute("aria-invalid", "true");
    }
    const steps = calc.locator("details.calc-steps");
    await expect(steps).not.toHaveAttribute("open", "");
    await expect(calc.locator(".calc-lines")).toBeHidden();
    await steps.locator("summary").tap();
    await expect(calc.locator(".calc-lines")).toBeVisible();
    await total.fill("一千块");
    await expect(totals).toContainText("无法计算");
    await expect(calc.getByText("请输入金额（元），如 100、1,000 或 1.5万，最多两位小数")).toHaveCount(1);
  });
});
