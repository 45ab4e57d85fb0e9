// Refusals: the calculator says clearly what is wrong instead of computing something.
import { beforeAll, describe, expect, it } from "vitest";
import { estimate, parseEstimateInput } from "./estimate.ts";
import type { EstimateInput } from "./estimate-input.ts";
import { CalculatorError } from "./errors.ts";
import { policySchema, type Policy } from "./policy-schema.ts";
import { loadShippedPolicies } from "../policies/shipped-policies.ts";

let policies: Policy[];
beforeAll(async () => {
  policies = await loadShippedPolicies();
});

const bijie: EstimateInput = {
  region: "520500",
  year: 2025,
  insurance: "resident",
  scheme: "outpatient",
  level: "village",
  person: "resident",
  total: 100,
};

function refusal(input: EstimateInput, list: readonly Policy[] = policies): CalculatorError {
  try {
    estimate(list, input);
  } catch (error) {
    if (error instanceof CalculatorError) return error;
    throw error;
  }
  throw new Error("expected the calculator to refuse");
}

describe("estimate input", () => {
  it("fills defaults: no 自费, no 乙类, care in the insured area, nothing used this year", () => {
    expect(parseEstimateInput(bijie)).toMatchObject({
      selfPaid: 0,
      classB: 0,
      filing: "local",
      ytd: { fundPaid: 0, deductibleMet: 0, admissionsBefore: 0 },
    });
  });

  it("refuses negative amounts", () => {
    const error = refusal({ ...bijie, total: -1 });
    expect(error.code).toBe("invalid_amounts");
    expect(error.message).toBe("total：金额不能为负数");
    expect(refusal({ ...bijie, ytd: { fundPaid: -5 } }).code).toBe("invalid_amounts");
  });

  it("refuses fractions of a fen", () => {
    expect(refusal({ ...bijie, total: 10.005 }).message).toContain("最多两位小数");
  });

  it("refuses 全自费 plus 乙类 that exceed the total", () => {
    const error = refusal({ ...bijie, total: 100, selfPaid: 80, classB: 30 });
    expect(error.code).toBe("invalid_amounts");
    expect(error.message).toContain("金额对不上");
  });

  it("refuses a person status that does not belong to the insurance", () => {
    const error = refusal({ ...bijie, person: "retired" });
    expect(error.code).toBe("invalid_input");
    expect(error.message).toContain("城乡居民医保的人员类别应为 resident");
  });

  it("refuses unknown values and fields", () => {
    expect(refusal({ ...bijie, level: "hospital" } as unknown as EstimateInput).code).toBe("invalid_input");
    expect(refusal({ ...bijie, extra: 1 } as unknown as EstimateInput).code).toBe("invalid_input");
  });

  it("refuses a region without policies, and a year that does not exist, without borrowing", () => {
    expect(refusal({ ...bijie, region: "110000" })).toMatchObject({ code: "policy_not_found" });
    const missingYear = refusal({ ...bijie, year: 2026 });
    expect(missingYear.code).toBe("policy_not_found");
    expect(missingYear.message).toContain("2026");
    expect(missingYear.message).toContain("现有年份：2025");
  });

  it("refuses a person status the policy gives no ratio for", () => {
    const activeOnly = policySchema.parse({
      region: "650200",
      year: 2025,
      insurance: "employee",
      scheme: "outpatient",
      title: "只给在职比例的测试政策",
      effective: { from: "2025-01-01", to: "2025-12-31" },
      sources: [{ title: "测试", publisher: "测试", status: "unverified" }],
      deductibleBasis: { per: "visit" },
      levels: { level1: { ratio: { active: 80 } } },
    });
    const error = refusal({ ...bijie, region: "650200", insurance: "employee", person: "retired", level: "level1" }, [
      activeOnly,
    ]);
    expect(error.code).toBe("person_not_covered");
    expect(error.message).toContain("退休人员");
  });
});
