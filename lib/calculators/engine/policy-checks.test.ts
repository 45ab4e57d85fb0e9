import { beforeAll, describe, expect, it } from "vitest";
import { loadShippedPolicies } from "../policies/shipped-policies.ts";
import { applyCheck, checkMarkText, needsCheck, policyFigures, type PolicyCheck } from "./policy-checks.ts";
import type { Policy, StandardPolicy } from "./policy-schema.ts";

let policy: StandardPolicy;
beforeAll(async () => {
  policy = (await loadShippedPolicies()).find((p) => p.id === "520500-2025-resident-outpatient") as StandardPolicy;
});

const official = { title: "毕节市城乡居民门诊统筹待遇通知", publisher: "毕节市医疗保障局", number: "毕医保发〔2025〕1号", date: "2025-01-10", url: "https://ylbz.bijie.gov.cn/notice" };
const check = (over: Partial<PolicyCheck> = {}): PolicyCheck => ({ policyId: policy.id, figures: policyFigures(policy), outcome: "verified", source: official, checkedOn: "2026-12-02", checkedBy: "王审核", ...over });

describe("policyFigures", () => {
  it("does not depend on key order, title, note or sources", () => {
    const reordered = Object.fromEntries(Object.entries(policy).reverse()) as Policy;
    const reworded = { ...policy, title: "另一个标题", note: "改写的说明", sources: [{ ...policy.sources[0]!, title: "更好的来源" }] };
    expect(policyFigures(reordered)).toBe(policyFigures(policy));
    expect(policyFigures(reworded)).toBe(policyFigures(policy));
  });

  it("changes when a figure changes", () => {
    const changed = { ...policy, levels: { ...policy.levels, village: { ...policy.levels.village!, ratio: 80 } } } as Policy;
    expect(policyFigures(changed)).not.toBe(policyFigures(policy));
  });
});

describe("applyCheck", () => {
  it("leaves a policy without a check as its file states it", () => {
    expect(applyCheck(policy, undefined)).toBe(policy);
    expect(checkMarkText(policy)).toBeNull();
  });

  it("makes the official document the cited, verified source and keeps the file's source after it", () => {
    const shown = applyCheck(policy, check());
    expect(shown.sources[0]).toEqual({ ...official, status: "verified" });
    expect(shown.sources.slice(1)).toEqual(policy.sources);
    expect(shown.checked).toEqual({ outcome: "verified", on: "2026-12-02", by: "王审核", lapsed: false });
    expect(checkMarkText(shown)).toBe("2026-12-02 由王审核核对官方文件");
  });

  it("lapses when the file's figures changed after the check, showing the file's own status", () => {
    const edited = { ...policy, caps: [{ per: "year", on: "fund", amount: 600 }] } as Policy;
    const shown = applyCheck(edited, check());
    expect(shown.sources).toEqual(edited.sources);
    expect(shown.sources[0]!.status).toBe("unverified");
    expect(shown.checked?.lapsed).toBe(true);
    expect(checkMarkText(shown)).toMatch(/核实后数据有改动，待重新核实/);
  });

  it("marks illustrative figures, and downgrades a source a reviewer could not confirm", () => {
    expect(applyCheck(policy, check({ outcome: "illustrative", source: null })).illustrative).toBe(true);
    const secondary = { ...policy, sources: [{ ...policy.sources[0]!, status: "secondary" as const, date: "2025-01-01" }] };
    const refuted = applyCheck(secondary, check({ outcome: "unverified", source: null, figures: policyFigures(secondary), note: "起付线与文件不符" }));
    expect(refuted.sources[0]!.status).toBe("unverified");
    expect(checkMarkText(refuted)).toBe("2026-12-02 王审核未能核实：起付线与文件不符");
  });
});

describe("needsCheck", () => {
  it("wants a reviewer for an unverified, lapsed or expired policy, not for a current verified one", () => {
    const current = { ...policy, effective: { from: "2026-01-01", to: "2026-12-31" } };
    expect(needsCheck(current, "2026-12-02")).toBe(true); // the file's source is unverified
    expect(needsCheck(applyCheck(current, check({ figures: policyFigures(current) })), "2026-12-02")).toBe(false);
    expect(needsCheck(applyCheck(current, check({ figures: policyFigures(current) })), "2027-01-01")).toBe(true);
    expect(needsCheck(applyCheck(current, check()), "2026-12-02")).toBe(true); // figures changed: lapsed
  });
});
