// The invariants of docs/POLICIES.md (from DOMAIN.md) as fast-check properties, run against the
// shipped policies and against random but valid synthetic policies that exercise rules the shipped
// files do not use (caps on eligible cost, per-visit deductibles, several layers …).
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { estimate, type Estimate } from "./estimate.ts";
import type { EstimateInput } from "./estimate-input.ts";
import { CalculatorError } from "./errors.ts";
import { yuanToFen, type Fen } from "./money.ts";
import {
  FACILITY_LEVELS,
  policySchema,
  type FacilityLevel,
  type Person,
  type Policy,
  type StandardPolicy,
} from "./policy-schema.ts";
import { loadShippedPolicies } from "../policies/shipped-policies.ts";

let shipped: Policy[];
beforeAll(async () => {
  shipped = await loadShippedPolicies();
});

// FC_RUNS=20000 npx vitest run … for a longer hunt.
const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 300) };

// ---- arbitraries ------------------------------------------------------------------------------

const fen = (max: number) => fc.integer({ min: 0, max });
const toYuan = (amount: Fen) => amount / 100;

const ratioArb = fc.integer({ min: 0, max: 100 });
const yuanArb = (max: number) => fc.integer({ min: 0, max: max * 100 }).map(toYuan);

const capArb = fc.oneof(
  fc.record({ per: fc.constant("visit"), on: fc.constantFrom("fund", "eligible"), amount: yuanArb(5000) }),
  fc.record({ per: fc.constant("year"), on: fc.constant("fund"), amount: yuanArb(50000) }),
);

const layerArb = (base: "eligible-self" | "over-cap") =>
  fc
    .record({
      threshold: yuanArb(20000),
      width: yuanArb(50000).map((w) => w + 1),
      ratios: fc.tuple(ratioArb, ratioArb),
      annualCap: fc.option(yuanArb(100000), { nil: undefined }),
    })
    .map(({ threshold, width, ratios, annualCap }) => ({
      id: base,
      name: base,
      base,
      tiers: [
        { from: threshold, to: threshold + width, ratio: ratios[0] },
        { from: threshold + width, ratio: ratios[1] },
      ],
      annualCap,
    }));

/** Random valid standard policies, built as raw file data and parsed by the real schema. */
const syntheticPolicyArb = fc
  .record({
    insurance: fc.constantFrom("employee", "resident"),
    per: fc.constantFrom("visit", "admission", "year"),
    factors: fc.array(fc.integer({ min: 0, max: 10 }).map((n) => n / 10), { minLength: 1, maxLength: 3 }),
    levels: fc.subarray([...FACILITY_LEVELS], { minLength: 1 }),
    deductible: yuanArb(2000),
    ratio: ratioArb,
    levelCaps: fc.array(capArb, { maxLength: 2 }),
    caps: fc.array(capArb, { maxLength: 2 }),
    classBSelfShare: fc.option(ratioArb, { nil: undefined }),
    unfiled: fc.option(
      fc.oneof(
        fc.record({ kind: fc.constant("minus-points"), points: ratioArb }),
        fc.record({ kind: fc.constant("times-factor"), factor: fc.integer({ min: 0, max: 10 }).map((n) => n / 10) }),
      ),
      { nil: undefined },
    ),
    // At most one over-cap layer, first; then any eligible-self layers (the schema's ordering rule).
    layers: fc
      .tuple(fc.option(layerArb("over-cap"), { nil: undefined }), fc.array(layerArb("eligible-self"), { maxLength: 2 }))
      .map(([overCap, rest]) => [...(overCap ? [overCap] : []), ...rest].map((layer, i) => ({ ...layer, id: `layer-${i}` }))),
  })
  .map((r): Policy => {
    const persons: Person[] = r.insurance === "employee" ? ["active", "retired"] : ["resident"];
    const byPerson = (value: number) => Object.fromEntries(persons.map((p, i) => [p, Math.min(100, value + i)]));
    return policySchema.parse({
      region: "110000",
      year: 2025,
      insurance: r.insurance,
      scheme: "inpatient",
      title: "合成测试政策",
      effective: { from: "2025-01-01", to: "2025-12-31" },
      sources: [{ title: "合成测试数据", publisher: "测试", status: "unverified" }],
      classBSelfShare: r.classBSelfShare,
      deductibleBasis: r.per === "admission" ? { per: r.per, nthAdmissionFactors: r.factors } : { per: r.per },
      levels: Object.fromEntries(
        r.levels.map((level) => [level, { deductible: r.deductible, ratio: byPerson(r.ratio), caps: r.levelCaps }]),
      ),
      caps: r.caps,
      offsite: r.unfiled ? { unfiled: r.unfiled } : undefined,
      layers: r.layers,
    });
  });

/** Extra cost: often a few fen, where rounding and cap transitions would show, sometimes a lot. */
const extraArb = fc.oneof(fen(3), fen(5_000_000));

type Case = { policy: Policy; input: EstimateInput };

function personsFor(policy: Policy): Person[] {
  return policy.insurance === "employee" ? ["active", "retired"] : ["resident"];
}

/** A bill for a given policy: amounts consistent (selfPaid + classB ≤ total), any level, any filing. */
function caseArb(policyArb: fc.Arbitrary<Policy>): fc.Arbitrary<Case> {
  return policyArb.chain((policy) =>
    fc
      .record({
        level: fc.constantFrom(...FACILITY_LEVELS),
        person: fc.constantFrom(...personsFor(policy)),
        total: fen(30_000_000),
        selfShare: fc.double({ min: 0, max: 1, noNaN: true }),
        classBShare: fc.double({ min: 0, max: 1, noNaN: true }),
        filing: fc.constantFrom("local", "filed", "unfiled", "emergency"),
        fundPaid: fen(20_000_000),
        deductibleMet: fen(200_000),
        admissionsBefore: fc.integer({ min: 0, max: 6 }),
        layerBase: fen(80_000_000),
        delivery: fc.constantFrom("normal", "assisted", "cesarean", "midterm-induction", "abortion"),
      })
      .map((r): Case => {
        const selfPaid = Math.floor(r.total * r.selfShare);
        const classB = Math.floor((r.total - selfPaid) * r.classBShare);
        return {
          policy,
          input: {
            region: policy.region,
            year: policy.year,
            insurance: policy.insurance,
            scheme: policy.scheme,
            level: r.level,
            person: r.person,
            total: toYuan(r.total),
            selfPaid: toYuan(selfPaid),
            classB: toYuan(classB),
            filing: r.filing,
            ytd: {
              fundPaid: toYuan(r.fundPaid),
              deductibleMet: toYuan(r.deductibleMet),
              admissionsBefore: r.admissionsBefore,
              layerBase: toYuan(r.layerBase),
            },
            delivery: r.delivery,
          },
        };
      }),
  );
}

const shippedCases = () => caseArb(fc.constantFrom(...shipped));
const syntheticCases = () => caseArb(syntheticPolicyArb);

/** Runs the calculator; a refusal for unfiled care without a rule is a correct answer, not a failure. */
function tryEstimate(policy: Policy, input: EstimateInput): Estimate | undefined {
  try {
    return estimate([policy], input);
  } catch (error) {
    if (error instanceof CalculatorError && error.code === "offsite_rule_missing" && input.filing === "unfiled") {
      return undefined;
    }
    throw error;
  }
}

function amountOf(result: Estimate, key: string): Fen {
  return result.layers.find((layer) => layer.key === key)?.amount ?? 0;
}

function sumSide(result: Estimate, side: "fund" | "self"): Fen {
  return result.layers.filter((layer) => layer.side === side).reduce((sum, layer) => sum + layer.amount, 0);
}

// ---- properties -------------------------------------------------------------------------------

describe.each([
  ["shipped policies", () => shippedCases()],
  ["synthetic policies", () => syntheticCases()],
])("invariants on %s", (_name, cases) => {
  it("fund + self = total to the fen, and every part is a whole, non-negative fen", () => {
    fc.assert(
      fc.property(cases(), ({ policy, input }) => {
        const result = tryEstimate(policy, input);
        if (!result) return;
        expect(result.fund + result.self).toBe(yuanToFen(input.total));
        expect(sumSide(result, "fund")).toBe(result.fund);
        expect(sumSide(result, "self")).toBe(result.self);
        for (const value of [result.fund, result.self, ...result.layers.map((layer) => layer.amount)]) {
          expect(Number.isInteger(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(0);
        }
      }),
      RUNS,
    );
  });

  it("the basic fund never exceeds the remaining caps or the policy-range cost minus the deductible", () => {
    fc.assert(
      fc.property(cases(), ({ policy, input }) => {
        const result = tryEstimate(policy, input);
        if (!result || policy.scheme === "maternity") return;
        const basic = amountOf(result, "basic-fund");
        expect(basic).toBeLessThanOrEqual(amountOf(result, "eligible") - amountOf(result, "deductible"));
        const limit = fundLimit(policy, input);
        if (limit !== undefined) expect(basic).toBeLessThanOrEqual(limit);
        expect(result.fund).toBeLessThanOrEqual(amountOf(result, "eligible"));
      }),
      RUNS,
    );
  });

  it("more policy-range cost never lowers the fund or the self share", () => {
    fc.assert(
      fc.property(cases(), extraArb, ({ policy, input }, extra) => {
        const before = tryEstimate(policy, input);
        const after = tryEstimate(policy, { ...input, total: toYuan(yuanToFen(input.total) + extra) });
        if (!before || !after) return;
        expect(after.fund).toBeGreaterThanOrEqual(before.fund);
        expect(after.self).toBeGreaterThanOrEqual(before.self);
      }),
      RUNS,
    );
  });

  it("more 全自费 raises only the self share", () => {
    fc.assert(
      fc.property(cases(), extraArb, ({ policy, input }, extra) => {
        const before = tryEstimate(policy, input);
        const after = tryEstimate(policy, {
          ...input,
          total: toYuan(yuanToFen(input.total) + extra),
          selfPaid: toYuan(yuanToFen(input.selfPaid ?? 0) + extra),
        });
        if (!before || !after) return;
        if (belowFixedAmount(policy, before)) {
          // Note: a 定额 paid up to the whole bill (limitedTo: total, the default reading) still grows
          // with 自费 until the bill reaches the fixed amount; past it, the invariant holds exactly.
          expect(after.fund).toBeGreaterThanOrEqual(before.fund);
          expect(after.self).toBeGreaterThanOrEqual(before.self);
          return;
        }
        expect(after.fund).toBe(before.fund);
        expect(after.self).toBe(before.self + extra);
      }),
      RUNS,
    );
  });

  it("a total of 0 gives 0 everywhere", () => {
    fc.assert(
      fc.property(cases(), ({ policy, input }) => {
        const result = tryEstimate(policy, { ...input, total: 0, selfPaid: 0, classB: 0 });
        if (!result) return;
        expect(result.fund).toBe(0);
        expect(result.self).toBe(0);
        expect(result.layers.filter((layer) => layer.side !== "detail").every((layer) => layer.amount === 0)).toBe(
          true,
        );
      }),
      RUNS,
    );
  });

  it("a missing policy year is refused, never computed with another year", () => {
    fc.assert(
      fc.property(cases(), fc.integer({ min: 1998, max: 2100 }), ({ policy, input }, year) => {
        fc.pre(year !== policy.year);
        let error: unknown;
        try {
          estimate([policy], { ...input, year });
        } catch (caught) {
          error = caught;
        }
        expect(error).toBeInstanceOf(CalculatorError);
        expect((error as CalculatorError).code).toBe("policy_not_found");
        expect((error as CalculatorError).details.availableYears).toEqual([policy.year]);
      }),
      RUNS,
    );
  });

  it("a level the policy does not cover pays nothing and says so, without an error", () => {
    fc.assert(
      fc.property(cases(), ({ policy, input }) => {
        fc.pre(policy.scheme !== "maternity" && !(input.level in policy.levels));
        const result = tryEstimate(policy, input);
        if (!result) return;
        expect(result.covered).toBe(false);
        expect(result.fund).toBe(0);
        expect(result.lines.join("\n")).toContain("未列出");
      }),
      RUNS,
    );
  });
});

describe("below the deductible", () => {
  it("pays nothing on a shipped policy when the policy-range cost does not reach the deductible", () => {
    fc.assert(
      fc.property(shippedCases(), fc.double({ min: 0, max: 1, noNaN: true }), ({ policy, input }, share) => {
        fc.pre(policy.scheme !== "maternity" && input.level in policy.levels);
        const deductible = deductibleFor(policy as StandardPolicy, input.level, input.person);
        const total = Math.floor(deductible * share);
        const result = tryEstimate(policy, {
          ...input,
          total: toYuan(total),
          selfPaid: 0,
          classB: 0,
          ytd: { admissionsBefore: 0 },
        });
        if (!result) return;
        expect(result.fund).toBe(0);
      }),
      RUNS,
    );
  });
});

function belowFixedAmount(policy: Policy, result: Estimate): boolean {
  return (
    policy.scheme === "maternity" &&
    policy.maternity.limitedTo === "total" &&
    amountOf(result, "fixed-amount") > result.total
  );
}

// ---- helpers that read the policy directly, independently of the engine ----------------------

function valueFor(value: number | Partial<Record<Person, number>>, person: Person): number {
  return typeof value === "number" ? value : (value[person] ?? 0);
}

function deductibleFor(policy: StandardPolicy, level: FacilityLevel, person: Person): Fen {
  const rule = policy.levels[level];
  return rule ? yuanToFen(valueFor(rule.deductible, person)) : 0;
}

/** The tightest fund cap for this bill: per-visit fund caps and yearly caps minus ytd.fundPaid. */
function fundLimit(policy: Policy, input: EstimateInput): Fen | undefined {
  if (policy.scheme === "maternity") return undefined;
  const rule = policy.levels[input.level];
  const caps = [...policy.caps, ...(rule?.caps ?? [])].filter((cap) => cap.on === "fund");
  const limits = caps.map((cap) => {
    const amount = yuanToFen(valueFor(cap.amount, input.person));
    return cap.per === "year" ? Math.max(0, amount - yuanToFen(input.ytd?.fundPaid ?? 0)) : amount;
  });
  return limits.length > 0 ? Math.min(...limits) : undefined;
}
