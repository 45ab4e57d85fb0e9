// The basic fund layer (统筹基金): 起付线 → 报销比例 (with 异地 adjustment) → 单次/年度限额.
// One rounding: the ratio product. Caps and deductibles are whole fen already.
import { CalculatorError } from "./errors.ts";
import type { Bill } from "./bill.ts";
import { FILING_LABELS, LEVEL_LABELS, PERSON_LABELS } from "./labels.ts";
import {
  applyRatio,
  largestCostWithin,
  formatPercent,
  formatYuan,
  percentToBp,
  yuanToFen,
  type BasisPoints,
  type Fen,
} from "./money.ts";
import type { Cap, LevelRule, Person, RatioAdjustment, StandardPolicy } from "./policy-schema.ts";

export type BasicFund = {
  /** Part of the policy-range cost the person pays as 起付线. */
  deductible: Fen;
  /** The fund's payment. */
  paid: Fen;
  /** The person's share of the cost the fund pays a ratio of (the 1 − ratio part). */
  coPay: Fen;
  /** Policy-range cost the fund did not pay because a cap was reached. */
  overCap: Fen;
  lines: string[];
};

type PerPerson = number | Partial<Record<Person, number>>;

/** Reads a by-person value; a person the policy does not list is refused rather than guessed. */
export function valueForPerson(value: PerPerson, person: Person, what: string, policy: StandardPolicy): number {
  const found = typeof value === "number" ? value : value[person];
  if (found === undefined) {
    throw new CalculatorError(
      "person_not_covered",
      `${policy.title}没有为${PERSON_LABELS[person]}规定${what}，无法估算。`,
      { policyId: policy.id, person },
    );
  }
  return found;
}

export function payBasicFund(policy: StandardPolicy, rule: LevelRule, bill: Bill, eligible: Fen): BasicFund {
  const deductible = dueDeductible(policy, rule, bill);
  const ratio = effectiveRatio(policy, rule, bill);
  const caps = applicableCaps(policy, rule, bill);

  // An eligible-cost cap limits what is counted at all; the deductible then comes out of that.
  const counted = Math.min(eligible, caps.eligibleLimit ?? eligible);
  const deductiblePaid = Math.min(counted, deductible.due);
  const payable = counted - deductiblePaid;
  const byRatio = applyRatio(payable, ratio.value);
  const paid = Math.min(byRatio, caps.fundLimit ?? byRatio);

  // When a fund cap bites, the payment covers about paid ÷ ratio of the cost; the rest is over the cap.
  const covered = paid < byRatio ? Math.min(payable, largestCostWithin(paid, ratio.value)) : payable;
  const coPay = covered - paid;
  const overCap = eligible - counted + (payable - covered);

  return {
    deductible: deductiblePaid,
    paid,
    coPay,
    overCap,
    lines: [
      `${deductible.line}本次计入起付线 ${formatYuan(deductiblePaid)}。`,
      ratio.line,
      `统筹基金按比例应付：（${counted === eligible ? "政策范围内费用" : "限额内计入的费用"} ${formatYuan(counted)} − 起付线 ${formatYuan(deductiblePaid)}）× ${formatPercent(ratio.value)} = ${formatYuan(byRatio)}。`,
      ...caps.lines,
      paid < byRatio
        ? `统筹基金支付：${formatYuan(paid)}（已到限额，超出部分 ${formatYuan(byRatio - paid)} 基金不支付）。`
        : `统筹基金支付：${formatYuan(paid)}。`,
    ],
  };
}

type DueDeductible = { due: Fen; line: string };

function dueDeductible(policy: StandardPolicy, rule: LevelRule, bill: Bill): DueDeductible {
  const full = yuanToFen(valueForPerson(rule.deductible, bill.person, "起付线", policy));
  const where = LEVEL_LABELS[bill.level];
  if (full === 0) return { due: 0, line: `起付线：本政策在${where}不设起付线；` };

  switch (policy.deductibleBasis.per) {
    case "visit": {
      const ignored = bill.ytd.deductibleMet > 0 ? "按次计算，本年已累计的起付线不抵扣；" : "";
      return { due: full, line: `起付线：${where}每次就诊 ${formatYuan(full)}；${ignored}` };
    }
    case "admission": {
      const factors = policy.deductibleBasis.nthAdmissionFactors ?? [1];
      const nth = bill.ytd.admissionsBefore + 1;
      // The last factor repeats for every later admission.
      const factor = factors[Math.min(nth, factors.length) - 1] ?? 1;
      const factorBp = Math.round(factor * 10_000);
      const due = applyRatio(full, factorBp);
      const scaled = factor === 1 ? "" : `，本年第 ${nth} 次住院按 ${formatPercent(factorBp)} 计为 ${formatYuan(due)}`;
      return { due, line: `起付线：${where}每次住院 ${formatYuan(full)}${scaled}；` };
    }
    case "year": {
      const due = Math.max(0, full - bill.ytd.deductibleMet);
      return {
        due,
        line: `起付线：${where}每年 ${formatYuan(full)}，本年已累计 ${formatYuan(bill.ytd.deductibleMet)}，还差 ${formatYuan(due)}；`,
      };
    }
  }
}

type EffectiveRatio = { value: BasisPoints; line: string };

function effectiveRatio(policy: StandardPolicy, rule: LevelRule, bill: Bill): EffectiveRatio {
  const base = percentToBp(valueForPerson(rule.ratio, bill.person, "报销比例", policy));
  const head = `报销比例：${LEVEL_LABELS[bill.level]}、${PERSON_LABELS[bill.person]} ${formatPercent(base)}`;
  if (bill.filing === "local") return { value: base, line: `${head}。` };

  // Emergencies are settled as if filed: 就医地目录、参保地政策.
  const filed = bill.filing !== "unfiled";
  const adjustment = filed ? policy.offsite?.filed : policy.offsite?.unfiled;
  if (!adjustment) {
    if (filed) return { value: base, line: `${head}；${FILING_LABELS[bill.filing]}按参保地比例执行。` };
    throw new CalculatorError(
      "offsite_rule_missing",
      `${policy.title}没有载明未备案异地就医如何支付（比例减多少个百分点，或乘以多少系数），计算器不作猜测。`,
      { policyId: policy.id },
    );
  }
  const value = adjustRatio(base, adjustment);
  return { value, line: `${head}；${FILING_LABELS[bill.filing]}${describeAdjustment(adjustment)}，按 ${formatPercent(value)} 计算。` };
}

function adjustRatio(ratio: BasisPoints, adjustment: RatioAdjustment): BasisPoints {
  if (adjustment.kind === "minus-points") return Math.max(0, ratio - percentToBp(adjustment.points));
  return Math.round(ratio * adjustment.factor);
}

function describeAdjustment(adjustment: RatioAdjustment): string {
  return adjustment.kind === "minus-points"
    ? `比例减 ${adjustment.points} 个百分点`
    : `比例乘以系数 ${adjustment.factor}`;
}

type ApplicableCaps = { fundLimit: Fen | undefined; eligibleLimit: Fen | undefined; lines: string[] };

function applicableCaps(policy: StandardPolicy, rule: LevelRule, bill: Bill): ApplicableCaps {
  const caps = [...policy.caps, ...rule.caps];
  if (caps.length === 0) return { fundLimit: undefined, eligibleLimit: undefined, lines: ["本政策未设最高支付限额。"] };

  let fundLimit: Fen | undefined;
  let eligibleLimit: Fen | undefined;
  const lines: string[] = [];
  for (const cap of caps) {
    const amount = yuanToFen(valueForPerson(cap.amount, bill.person, "最高支付限额", policy));
    const limit = cap.per === "year" ? Math.max(0, amount - bill.ytd.fundPaid) : amount;
    if (cap.on === "fund") fundLimit = Math.min(fundLimit ?? limit, limit);
    else eligibleLimit = Math.min(eligibleLimit ?? limit, limit);
    lines.push(describeCap(cap, amount, limit, bill.ytd.fundPaid));
  }
  return { fundLimit, eligibleLimit, lines };
}

function describeCap(cap: Cap, amount: Fen, remaining: Fen, fundPaid: Fen): string {
  if (cap.per === "year") {
    return `年度最高支付限额 ${formatYuan(amount)}，本年已支付 ${formatYuan(fundPaid)}，剩余 ${formatYuan(remaining)}。`;
  }
  const per = cap.per === "visit" ? "单次就诊" : "单次住院";
  return cap.on === "fund"
    ? `${per}基金最高支付 ${formatYuan(amount)}。`
    : `${per}计入报销的政策范围内费用最多 ${formatYuan(amount)}。`;
}
