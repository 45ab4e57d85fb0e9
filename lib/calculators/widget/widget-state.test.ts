import { beforeAll, describe, expect, it } from "vitest";
import type { Policy } from "../engine/policy-schema.ts";
import { policyStatus } from "../engine/policy-status.ts";
import { todayInChina } from "../../domain/dates.ts";
import { loadShippedPolicies } from "../policies/shipped-policies.ts";
import { buildCalculatorConfig, estimateOutcome } from "./widget-config.ts";
import {
  chartSegments,
  chartSummary,
  defaultState,
  formatYuanView,
  stateFromSearchParams,
  toEstimateRequest,
  toSearchParams,
  type CalculatorConfig,
} from "./widget-state.ts";

let policies: Policy[];
const config = (id: string): CalculatorConfig => {
  const policy = policies.find((p) => p.id === id);
  if (!policy) throw new Error(`no policy ${id}`);
  return buildCalculatorConfig(policies, policy, "2025-06-01");
};
beforeAll(async () => {
  policies = await loadShippedPolicies();
});

describe("buildCalculatorConfig", () => {
  it("offers only the levels and persons the policy covers, labelled in Chinese", () => {
    const bijie = config("520500-2025-resident-outpatient");
    expect(bijie.options.levels).toEqual([
      { value: "village", label: "村卫生室/社区卫生服务站" },
      { value: "township", label: "乡镇卫生院/社区卫生服务中心" },
      { value: "level1", label: "一级及未定级医疗机构" },
      { value: "level2", label: "二级医疗机构" },
    ]);
    expect(bijie.options.persons.map((o) => o.label)).toEqual(["城乡居民"]);
    expect(config("650200-2025-employee-outpatient").options.persons.map((o) => o.label)).toEqual(["在职职工", "退休人员"]);
  });

  it("shows only the inputs that change the result", () => {
    expect(config("520500-2025-resident-outpatient").fields).toEqual({
      selfPaid: true,
      classB: false,
      fundPaid: true,
      deductibleMet: false,
      admissionsBefore: false,
      layerBase: [],
    });
    expect(config("520500-2025-resident-inpatient").fields).toMatchObject({ classB: true, admissionsBefore: true, layerBase: ["大病保险"] });
    expect(config("210300-2025-employee-outpatient").fields).toMatchObject({ deductibleMet: true });
    const maternity = config("421200-2025-employee-maternity");
    expect(maternity.fields).toMatchObject({ selfPaid: false, fundPaid: false });
    expect(maternity.options.deliveries.map((o) => o.label)).toEqual(["顺产", "助娩产", "中期引产", "住院人工流产"]);
  });

  it("carries the sources with their verification status", () => {
    const { policy } = config("520500-2025-resident-outpatient");
    expect(policy.sources[0]).toMatchObject({ status: "unverified", statusLabel: "未核实，以官方文件为准" });
    expect(policy.verificationLabel).toBe("未核实，以官方文件为准");
  });
});

describe("policyStatus", () => {
  it("is expired after the end date and tells of newer years without borrowing them", () => {
    const bijie = policies.find((p) => p.id === "520500-2025-resident-outpatient")!;
    const next = { ...bijie, id: "520500-2026-resident-outpatient", year: 2026, effective: { from: "2026-01-01", to: "2026-12-31" } };
    expect(policyStatus([...policies, next], bijie, "2026-03-01")).toMatchObject({
      expired: true,
      upcoming: false,
      newer: [{ id: "520500-2026-resident-outpatient", year: 2026 }],
    });
    expect(policyStatus(policies, bijie, "2025-12-31")).toMatchObject({ expired: false, newer: [] });
    expect(policyStatus(policies, bijie, "2024-12-31").upcoming).toBe(true);
  });

  it("counts days in China's time zone", () => {
    expect(todayInChina(new Date("2025-12-31T16:30:00Z"))).toBe("2026-01-01");
  });
});

describe("widget state", () => {
  it("starts from sensible defaults and the directive's hints", () => {
    const bijie = config("520500-2025-resident-outpatient");
    expect(defaultState(bijie)).toMatchObject({ level: "village", person: "resident", total: "100", filing: "local" });
    expect(defaultState(bijie, { level: "level2", total: "200" })).toMatchObject({ level: "level2", total: "200" });
    // A hint the policy cannot use falls back to the default.
    expect(defaultState(bijie, { level: "level3" }).level).toBe("village");
    expect(defaultState(config("520500-2025-resident-inpatient")).total).toBe("10000");
    expect(defaultState(config("421200-2025-employee-maternity"))).toMatchObject({ level: "level1", delivery: "normal" });
  });

  it("builds the API request, leaving out empty and irrelevant fields", () => {
    const anshan = config("210300-2025-employee-outpatient");
    const state = { ...defaultState(anshan), level: "level3" as const, person: "retired" as const, total: "1,000", deductibleMet: "300", fundPaid: "2900", classB: "50" };
    expect(toEstimateRequest(anshan, state)).toEqual({
      ok: true,
      body: {
        region: "210300",
        year: 2025,
        insurance: "employee",
        scheme: "outpatient",
        level: "level3",
        person: "retired",
        total: 1000,
        ytd: { fundPaid: 2900, deductibleMet: 300 },
      },
    });
  });

  it("refuses what a browser can already tell is wrong, per field", () => {
    const bijie = config("520500-2025-resident-outpatient");
    const result = toEstimateRequest(bijie, { ...defaultState(bijie), total: "", selfPaid: "abc", fundPaid: "1.234" });
    expect(result).toEqual({
      ok: false,
      fields: {
        total: ["请填写总费用"],
        selfPaid: ["请输入金额（元），如 100、1,000 或 1.5万，最多两位小数"],
        "ytd.fundPaid": ["请输入金额（元），如 100、1,000 或 1.5万，最多两位小数"],
      },
    });
  });

  it("takes amounts as people type them: full-width digits, units, separators, 千 and 万", () => {
    const bijie = config("520500-2025-resident-outpatient");
    const result = toEstimateRequest(bijie, { ...defaultState(bijie), total: "１万元", selfPaid: "1,000", classB: "1千" });
    expect(result.ok && result.body).toMatchObject({ total: 10000 });
    expect(stateFromSearchParams(bijie, { total: "1.5万" }).total).toBe("1.5万");
  });

  it("round-trips through the URL, keeping only what differs from the defaults", () => {
    const kelamayi = config("650200-2025-employee-outpatient");
    const defaults = defaultState(kelamayi);
    const state = { ...defaults, level: "level2" as const, person: "retired" as const, total: "500", fundPaid: "3900.5" };
    const params = toSearchParams(state, defaults);
    expect(params.toString()).toBe("level=level2&person=retired&total=500&fundPaid=3900.5");
    expect(stateFromSearchParams(kelamayi, Object.fromEntries(params))).toEqual(state);
  });

  it("replaces bad URL values with the defaults instead of failing", () => {
    const bijie = config("520500-2025-resident-outpatient");
    const state = stateFromSearchParams(bijie, { level: "level3", person: "retired", total: "-5", fundPaid: ["1", "2"], admissionsBefore: "x", filing: "<script>" });
    expect(state).toEqual(defaultState(bijie));
  });

  it("computes the first result on the server, or says why it cannot", () => {
    const bijie = config("520500-2025-resident-outpatient");
    const ok = estimateOutcome(policies, bijie, { ...defaultState(bijie), total: "100" });
    expect(ok.kind === "ok" && [ok.view.fund, ok.view.self]).toEqual([90, 10]);
    const refused = estimateOutcome(policies, bijie, { ...defaultState(bijie), filing: "unfiled" });
    expect(refused).toMatchObject({ kind: "error", fields: { filing: [expect.stringContaining("不作猜测")] } });
  });
});

describe("chart", () => {
  it("stacks the fund rows, then the self rows, as shares of the total", () => {
    const view = {
      total: 200,
      fund: 150,
      self: 50,
      layers: [
        { key: "total", label: "总费用", side: "cost" as const, amount: 200 },
        { key: "self-funded", label: "全自费", side: "self" as const, amount: 20 },
        { key: "basic-fund", label: "统筹基金支付", side: "fund" as const, amount: 150 },
        { key: "class-b-first", label: "乙类先行自付", side: "self" as const, amount: 0 },
        { key: "eligible-self", label: "政策范围内个人负担", side: "self" as const, amount: 30 },
      ],
    };
    expect(chartSegments(view).map((s) => [s.key, s.percent])).toEqual([
      ["basic-fund", 75],
      ["self-funded", 10],
      ["eligible-self", 15],
    ]);
    expect(chartSummary(view)).toBe("总费用 200.00 元：基金支付 150.00 元（75%），个人负担 50.00 元（25%）。");
    expect(chartSegments({ total: 0, layers: [] })).toEqual([]);
  });

  it("formats yuan to the fen", () => {
    expect(formatYuanView(12138.89)).toBe("12,138.89 元");
    expect(formatYuanView(0.1 + 0.2)).toBe("0.30 元");
  });
});
