// Worked examples, computed by hand to the fen, for every shipped policy. The arithmetic is written
// next to each case so a reader can check it without running anything.
import { beforeAll, describe, expect, it } from "vitest";
import { estimate, toYuan, type EstimateView } from "./estimate.ts";
import type { EstimateInput } from "./estimate-input.ts";
import { CalculatorError } from "./errors.ts";
import type { Policy } from "./policy-schema.ts";
import { loadShippedPolicies } from "../policies/shipped-policies.ts";

let policies: Policy[];
beforeAll(async () => {
  policies = await loadShippedPolicies();
});

function run(input: EstimateInput): EstimateView {
  return toYuan(estimate(policies, input));
}

function amount(result: EstimateView, key: string): number | undefined {
  return result.layers.find((layer) => layer.key === key)?.amount;
}

function errorOf(fn: () => unknown): CalculatorError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CalculatorError) return error;
    throw error;
  }
  throw new Error("expected a CalculatorError");
}

describe("毕节 2025 城乡居民普通门诊统筹", () => {
  const base = { region: "520500", year: 2025, insurance: "resident", scheme: "outpatient", person: "resident" } as const;

  it("a 100-yuan bill at a 村卫生室 costs the patient 10 yuan, and says why", () => {
    // 100 × 90% = 90 fund; no deductible; 10 self.
    const result = run({ ...base, level: "village", total: 100 });
    expect(result.fund).toBe(90);
    expect(result.self).toBe(10);
    expect(result.lines.join("\n")).toContain("村卫生室/社区卫生服务站、城乡居民 90%");
    expect(result.lines).toContain(
      "个人负担：总费用 100.00 元 − 基金支付合计 90.00 元 = 10.00 元（全自费 0.00 元 + 乙类先行自付 0.00 元 + 政策范围内个人负担 10.00 元）。",
    );
    expect(result.lines.at(-1)).toMatch(/^依据：毕节市2025年城乡居民普通门诊统筹待遇（公开资料整理）.*核实状态：未核实/);
    expect(result.policy.id).toBe("520500-2025-resident-outpatient");
  });

  it("explains every step, ending with the source and its verification status", () => {
    expect(run({ ...base, level: "village", total: 100 }).lines).toEqual([
      "适用政策：毕节市2025年城乡居民普通门诊统筹（2025-01-01 至 2025-12-31）。",
      "总费用：100.00 元。",
      "减全自费（目录外、超限价等）：0.00 元。",
      "减乙类先行自付：0.00 元（本政策未设乙类先行自付比例）。",
      "政策范围内费用：100.00 元。",
      "起付线：本政策在村卫生室/社区卫生服务站不设起付线；本次计入起付线 0.00 元。",
      "报销比例：村卫生室/社区卫生服务站、城乡居民 90%。",
      "统筹基金按比例应付：（政策范围内费用 100.00 元 − 起付线 0.00 元）× 90% = 90.00 元。",
      "年度最高支付限额 500.00 元，本年已支付 0.00 元，剩余 500.00 元。",
      "统筹基金支付：90.00 元。",
      "个人负担：总费用 100.00 元 − 基金支付合计 90.00 元 = 10.00 元（全自费 0.00 元 + 乙类先行自付 0.00 元 + 政策范围内个人负担 10.00 元）。",
      "依据：毕节市2025年城乡居民普通门诊统筹待遇（公开资料整理）；发布：第三方医保咨询网站（页面未注明原始文件）；核实状态：未核实，以官方文件为准。",
    ]);
  });

  it("stops at the 500-yuan annual limit when 450 was already paid this year", () => {
    // 200 × 85% = 170, but only 500 − 450 = 50 is left.
    const result = run({ ...base, level: "township", total: 200, ytd: { fundPaid: 450 } });
    expect([result.fund, result.self]).toEqual([50, 150]);
    expect(result.lines.join("\n")).toContain("本年已支付 450.00 元，剩余 50.00 元");
  });

  it("pays nothing once the annual limit is used up", () => {
    expect(run({ ...base, level: "village", total: 80, ytd: { fundPaid: 500 } }).fund).toBe(0);
  });

  it("takes 全自费 off before the ratio", () => {
    // (300 − 50) × 60% = 150; self = 50 + 100.
    const result = run({ ...base, level: "level2", total: 300, selfPaid: 50 });
    expect([result.fund, result.self]).toEqual([150, 150]);
    expect(amount(result, "self-funded")).toBe(50);
    expect(amount(result, "eligible-self")).toBe(100);
  });

  it("rounds half-up once, to the fen", () => {
    // 0.10 × 85% = 8.5 分 → 9 分.  33.33 × 85% = 28.3305 → 28.33.
    expect(run({ ...base, level: "township", total: 0.1 })).toMatchObject({ fund: 0.09, self: 0.01 });
    expect(run({ ...base, level: "level1", total: 33.33 })).toMatchObject({ fund: 28.33, self: 5 });
  });

  it("pays nothing at a level the policy does not list, with a line instead of an error", () => {
    const result = run({ ...base, level: "level3", total: 100 });
    expect(result).toMatchObject({ fund: 0, self: 100, covered: false });
    expect(result.lines.join("\n")).toContain("未列出三级医疗机构的待遇标准");
  });

  it("settles filed 异地 care with the home ratio and refuses unfiled care it has no rule for", () => {
    expect(run({ ...base, level: "village", total: 100, filing: "filed" }).fund).toBe(90);
    expect(run({ ...base, level: "village", total: 100, filing: "emergency" }).fund).toBe(90);
    expect(errorOf(() => run({ ...base, level: "village", total: 100, filing: "unfiled" })).code).toBe(
      "offsite_rule_missing",
    );
  });

  it("refuses 2024 and names the year that exists", () => {
    const error = errorOf(() => run({ ...base, year: 2024, level: "village", total: 100 }));
    expect(error.code).toBe("policy_not_found");
    expect(error.message).toContain("现有年份：2025");
    expect(error.details.availableYears).toEqual([2025]);
  });
});

describe("鞍山 2025 职工普通门诊统筹", () => {
  const base = { region: "210300", year: 2025, insurance: "employee", scheme: "outpatient" } as const;

  it("takes the yearly deductible, then the level and person ratio", () => {
    // 二级 deductible 500: (1500 − 500) × 55% = 550.
    expect(run({ ...base, level: "level2", person: "active", total: 1500 })).toMatchObject({ fund: 550, self: 950 });
    // 村卫生室 counts as 一级及以下: (500 − 300) × 65% (retired) = 130.
    expect(run({ ...base, level: "village", person: "retired", total: 500 })).toMatchObject({ fund: 130, self: 370 });
  });

  it("owes only the rest of the deductible when part was met earlier this year", () => {
    // 三级 700 − 300 already met = 400: (1000 − 400) × 55% = 330.
    const result = run({ ...base, level: "level3", person: "retired", total: 1000, ytd: { deductibleMet: 300 } });
    expect([result.fund, result.self]).toEqual([330, 670]);
    expect(amount(result, "deductible")).toBe(400);
    expect(result.lines.join("\n")).toContain("本年已累计 300.00 元，还差 400.00 元");
  });

  it("stops at the 3000-yuan annual limit when 2800 was already paid", () => {
    // deductible met; 2000 × 60% = 1200, only 200 left.
    const result = run({
      ...base,
      level: "level1",
      person: "active",
      total: 2000,
      ytd: { fundPaid: 2800, deductibleMet: 300 },
    });
    expect([result.fund, result.self]).toEqual([200, 1800]);
  });

  it("pays nothing below the deductible", () => {
    expect(run({ ...base, level: "level1", person: "active", total: 250 }).fund).toBe(0);
  });

  it("rounds the fund once: 1234.56 × 55% = 679.008 → 679.01", () => {
    // deductible already met (600 ≥ 500).
    const result = run({ ...base, level: "level2", person: "active", total: 1234.56, ytd: { deductibleMet: 600 } });
    expect([result.fund, result.self]).toEqual([679.01, 555.55]);
  });
});

describe("克拉玛依 2025 职工普通门诊统筹", () => {
  const base = { region: "650200", year: 2025, insurance: "employee", scheme: "outpatient" } as const;

  it("takes the first-visit deductible", () => {
    // (100 − 20) × 80% = 64.
    expect(run({ ...base, level: "level1", person: "active", total: 100 })).toMatchObject({ fund: 64, self: 36 });
  });

  it("caps one visit at the level's per-visit limit", () => {
    // 三级, deductible met: 3000 × 60% = 1800 > 1300.
    const level3 = run({ ...base, level: "level3", person: "retired", total: 3000, ytd: { deductibleMet: 90 } });
    expect([level3.fund, level3.self]).toEqual([1300, 1700]);
    // 一级: (1000 − 0) × 80% = 800 > 300.
    const level1 = run({ ...base, level: "level1", person: "active", total: 1000, ytd: { deductibleMet: 20 } });
    expect([level1.fund, level1.self]).toEqual([300, 700]);
  });

  it("applies the annual limit by person status, minus what was already paid", () => {
    // (200) × 80% = 160; 在职 4000 − 3990 = 10 left; 退休 6000 − 3990 = 2010 left.
    const ytd = { fundPaid: 3990, deductibleMet: 20 };
    expect(run({ ...base, level: "level1", person: "active", total: 200, ytd }).fund).toBe(10);
    expect(run({ ...base, level: "level1", person: "retired", total: 200, ytd }).fund).toBe(160);
  });

  it("owes the difference when the first visit was at a lower level", () => {
    // 二级 40 − 20 met = 20: (1000 − 20) × 70% = 686; annual 4000 − 3700 = 300 left.
    const result = run({
      ...base,
      level: "level2",
      person: "active",
      total: 1000,
      ytd: { fundPaid: 3700, deductibleMet: 20 },
    });
    expect([result.fund, result.self]).toEqual([300, 700]);
    expect(amount(result, "deductible")).toBe(20);
  });

  it("pays nothing below the deductible", () => {
    expect(run({ ...base, level: "township", person: "active", total: 15 })).toMatchObject({ fund: 0, self: 15 });
  });
});

describe("咸宁 2025 生育医疗费用定额", () => {
  const base = { region: "421200", year: 2025, insurance: "employee", scheme: "maternity", person: "active" } as const;

  it("pays the fixed amount by delivery type and level", () => {
    expect(run({ ...base, level: "level3", delivery: "normal", total: 6000 })).toMatchObject({ fund: 2500, self: 3500 });
    expect(run({ ...base, level: "level1", delivery: "abortion", total: 1800 })).toMatchObject({ fund: 1000, self: 800 });
    expect(run({ ...base, level: "level3", delivery: "midterm-induction", total: 3000 })).toMatchObject({
      fund: 2000,
      self: 1000,
    });
  });

  it("pays the bill when it is below the fixed amount", () => {
    // 助娩产 二级 2400 > 2000 bill.
    const result = run({ ...base, level: "level2", delivery: "assisted", total: 2000 });
    expect([result.fund, result.self]).toEqual([2000, 0]);
    expect(result.lines.join("\n")).toContain("低于定额");
  });

  it("pays nothing for a level or delivery type the policy does not list", () => {
    expect(run({ ...base, level: "township", delivery: "normal", total: 3000 })).toMatchObject({
      fund: 0,
      covered: false,
    });
    expect(run({ ...base, level: "level3", delivery: "cesarean", total: 8000 })).toMatchObject({
      fund: 0,
      self: 8000,
      covered: false,
    });
  });

  it("asks for the delivery type", () => {
    expect(errorOf(() => run({ ...base, level: "level3", total: 3000 })).code).toBe("invalid_input");
  });
});

describe("毕节 2025 城乡居民住院（示意）with 大病保险", () => {
  const base = { region: "520500", year: 2025, insurance: "resident", scheme: "inpatient", person: "resident" } as const;

  it("splits a bill through every step", () => {
    // 乙类先行自付 10000 × 10% = 1000; eligible 50000 − 5000 − 1000 = 44000;
    // fund (44000 − 1000) × 60% = 25800; 大病 base 44000 − 25800 = 18200: (18200 − 10000) × 60% = 4920.
    const result = run({ ...base, level: "level3", total: 50000, selfPaid: 5000, classB: 10000 });
    expect([result.fund, result.self]).toEqual([30720, 19280]);
    expect(result.layers.map((layer) => [layer.key, layer.amount])).toEqual([
      ["total", 50000],
      ["self-funded", 5000],
      ["class-b-first", 1000],
      ["eligible", 44000],
      ["deductible", 1000],
      ["basic-fund", 25800],
      ["co-pay", 17200],
      ["over-cap", 0],
      ["layer:critical-illness", 4920],
      ["eligible-self", 13280],
    ]);
    expect(result.lines).toContain("注意：本政策的数字为示意，并非官方标准，仅用于说明计算方法。");
  });

  it("halves the deductible on a second admission and pays 大病 across a tier boundary", () => {
    // deductible 600 × 50% = 300; (20000 − 300) × 80% = 15760; 大病 base 4240 on 48000 already:
    // 48000→50000 at 60% = 1200, 50000→52240 at 70% = 1568.
    const result = run({
      ...base,
      level: "level2",
      total: 20000,
      ytd: { admissionsBefore: 1, layerBase: { "critical-illness": 48000 } },
    });
    expect(amount(result, "deductible")).toBe(300);
    expect(amount(result, "layer:critical-illness")).toBe(2768);
    expect([result.fund, result.self]).toEqual([18528, 1472]);
  });

  it("stops the basic fund at the annual cap and lets 大病 pay more of the rest", () => {
    // 99000 × 60% = 59400 but only 150000 − 140000 = 10000 left; 大病 base 90000:
    // 40000 × 60% + 40000 × 70% = 52000.
    const result = run({ ...base, level: "level3", total: 100000, ytd: { fundPaid: 140000 } });
    expect(amount(result, "basic-fund")).toBe(10000);
    expect([result.fund, result.self]).toEqual([62000, 38000]);
  });

  it("stops 大病 at what is left of its annual cap", () => {
    // Earlier base 560000 has earned 40000×60% + 50000×70% + 460000×80% = 427000 ≥ the 400000 cap:
    // nothing is left this year.
    const full = run({ ...base, level: "level3", total: 100000, ytd: { layerBase: 560000 } });
    expect(amount(full, "layer:critical-illness")).toBe(0);
    // Earlier base 520000: 24000 + 35000 + 336000 = 395000 → 5000 left.
    // This bill: 59400 fund, base 40600 × 80% = 32480 → capped at 5000.
    const partly = run({ ...base, level: "level3", total: 100000, ytd: { layerBase: 520000 } });
    expect(amount(partly, "layer:critical-illness")).toBe(5000);
    expect([partly.fund, partly.self]).toEqual([64400, 35600]);
  });

  it("takes 20 points off the ratio for unfiled 异地 care, not for emergencies", () => {
    // unfiled: (10000 − 600) × (80 − 20)% = 5640.  emergency: 9400 × 80% = 7520.
    expect(run({ ...base, level: "level2", total: 10000, filing: "unfiled" })).toMatchObject({ fund: 5640, self: 4360 });
    expect(run({ ...base, level: "level2", total: 10000, filing: "emergency" })).toMatchObject({ fund: 7520 });
  });
});

describe("鞍山 2025 职工住院（示意）with 职工大额医疗补助", () => {
  const base = { region: "210300", year: 2025, insurance: "employee", scheme: "inpatient" } as const;

  it("takes 5% of 乙类 first, then the deductible and ratio", () => {
    // 6000 × 5% = 300; eligible 30000 − 2000 − 300 = 27700; (27700 − 900) × 85% = 22780.
    const result = run({ ...base, level: "level3", person: "active", total: 30000, selfPaid: 2000, classB: 6000 });
    expect([result.fund, result.self]).toEqual([22780, 7220]);
    expect(amount(result, "class-b-first")).toBe(300);
  });

  it("scales the deductible for the 3rd and later admissions", () => {
    // 600 × 50% = 300; (10000 − 300) × 90% (retired) = 8730.
    expect(
      run({ ...base, level: "level2", person: "retired", total: 10000, ytd: { admissionsBefore: 2 } }),
    ).toMatchObject({ fund: 8730, self: 1270 });
    // The last factor repeats: a 6th admission still uses 50%.
    expect(
      run({ ...base, level: "level2", person: "retired", total: 10000, ytd: { admissionsBefore: 5 } }).fund,
    ).toBe(8730);
  });

  it("lets 大额 pay 90% of the cost above a partly used annual cap", () => {
    // 2nd admission: 900 × 70% = 630; (50000 − 630) × 85% = 41964.50, only 100000 − 90000 = 10000 left.
    // Cost covered by 10000 at 85% = 11764.71; above the cap 49370 − 11764.71 = 37605.29;
    // 大额 37605.29 × 90% = 33844.761 → 33844.76.
    const result = run({
      ...base,
      level: "level3",
      person: "active",
      total: 50000,
      ytd: { fundPaid: 90000, admissionsBefore: 1 },
    });
    expect(amount(result, "basic-fund")).toBe(10000);
    expect(amount(result, "co-pay")).toBe(1764.71);
    expect(amount(result, "over-cap")).toBe(37605.29);
    expect(amount(result, "layer:employee-large")).toBe(33844.76);
    expect([result.fund, result.self]).toEqual([43844.76, 6155.24]);
  });

  it("pays 大额 only once the basic cap is used up", () => {
    // Cap used: basic 0; (5000 − 300) all above the cap; 4700 × 90% = 4230.
    const result = run({ ...base, level: "level1", person: "active", total: 5000, ytd: { fundPaid: 100000 } });
    expect([result.fund, result.self]).toEqual([4230, 770]);
  });

  it("multiplies the ratio by 0.8 for unfiled 异地 care", () => {
    // 87% × 0.8 = 69.6%; (10000 − 600) × 69.6% = 6542.40.
    const result = run({ ...base, level: "level2", person: "active", total: 10000, filing: "unfiled" });
    expect([result.fund, result.self]).toEqual([6542.4, 3457.6]);
    expect(result.lines.join("\n")).toContain("比例乘以系数 0.8，按 69.6% 计算");
  });
});
