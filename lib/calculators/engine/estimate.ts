// estimate(): how much of a bill the funds pay and the person pays, with the reasoning in Chinese.
// Pure and universal: no framework, no file system. Amounts are integer 分 from the moment the input
// is parsed; toYuan() is the view for the HTTP API.
import { payBasicFund } from "./basic-fund.ts";
import { billFromInput, splitBill, type Bill } from "./bill.ts";
import { CalculatorError } from "./errors.ts";
import { estimateInputSchema, isAmountIssue, type EstimateInput, type ParsedEstimateInput } from "./estimate-input.ts";
import { findPolicy } from "./find-policy.ts";
import { payFurtherLayers } from "./further-layers.ts";
import { LEVEL_LABELS, SOURCE_STATUS_LABELS } from "./labels.ts";
import { payMaternity } from "./maternity.ts";
import { fenToYuan, formatYuan, type Fen } from "./money.ts";
import type { MaternityPolicy, Policy, StandardPolicy } from "./policy-schema.ts";
import { coveredLevels, summarizePolicy, type PolicySummary } from "./policy-summary.ts";

/**
 * One row of the breakdown. Rows with side "fund" add up to fund and rows with side "self" add up to
 * self; "cost" rows (总费用, 政策范围内费用) and "detail" rows (起付线, 比例自付, 超限额) explain.
 */
export type EstimateLayer = {
  key: string;
  label: string;
  side: "cost" | "fund" | "self" | "detail";
  amount: Fen;
};

export type Estimate = {
  total: Fen;
  /** Everything the funds pay: basic fund plus further layers. */
  fund: Fen;
  /** total − fund, always. */
  self: Fen;
  /** false when the policy does not pay at this facility level (or for this delivery type). */
  covered: boolean;
  layers: EstimateLayer[];
  lines: string[];
  policy: PolicySummary;
};

type Body = Pick<Estimate, "covered" | "layers" | "lines">;

export function estimate(policies: readonly Policy[], input: EstimateInput): Estimate {
  const bill = billFromInput(parseEstimateInput(input));
  const policy = findPolicy(policies, bill);
  const body = policy.scheme === "maternity" ? estimateMaternity(policy, bill) : estimateStandard(policy, bill);
  return finish(policy, bill, body);
}

/** Validates like the API does; the engine refuses bad input itself too, in case it is called directly. */
export function parseEstimateInput(input: EstimateInput): ParsedEstimateInput {
  const parsed = estimateInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const code = issues.some((issue) => isAmountIssue(issue.path)) ? "invalid_amounts" : "invalid_input";
  const message = issues.map((issue) => `${issue.path.join(".") || "输入"}：${issue.message}`).join("；");
  throw new CalculatorError(code, message, { issues: issues.map(({ path, message }) => ({ path, message })) });
}

function row(key: string, label: string, side: EstimateLayer["side"], amount: Fen): EstimateLayer {
  return { key, label, side, amount };
}

function estimateStandard(policy: StandardPolicy, bill: Bill): Body {
  const split = splitBill(bill, policy.classBSelfShare);
  const head = [
    row("total", "总费用", "cost", split.total),
    row("self-funded", "全自费", "self", split.selfFunded),
    row("class-b-first", "乙类先行自付", "self", split.classBFirst),
    row("eligible", "政策范围内费用", "cost", split.eligible),
  ];

  const rule = policy.levels[bill.level];
  if (!rule) {
    const covered = coveredLevels(policy).map((level) => LEVEL_LABELS[level]).join("、");
    return {
      covered: false,
      layers: [...head, row("eligible-self", "政策范围内个人负担", "self", split.eligible)],
      lines: [
        ...split.lines,
        `${policy.title}未列出${LEVEL_LABELS[bill.level]}的待遇标准，统筹基金按不支付计算（${formatYuan(0)}）；本政策列出的机构级别：${covered}。`,
      ],
    };
  }

  const basic = payBasicFund(policy, rule, bill, split.eligible);
  const eligibleSelf = split.eligible - basic.paid;
  const further = payFurtherLayers(policy.layers, bill, { eligibleSelf, overCap: basic.overCap });
  const furtherPaid = further.payments.reduce((sum, payment) => sum + payment.paid, 0);
  return {
    covered: true,
    layers: [
      ...head,
      row("deductible", "起付线", "detail", basic.deductible),
      row("basic-fund", "统筹基金支付", "fund", basic.paid),
      row("co-pay", "按比例自付", "detail", basic.coPay),
      row("over-cap", "超限额部分", "detail", basic.overCap),
      ...further.payments.map((payment) => row(`layer:${payment.id}`, payment.name, "fund", payment.paid)),
      row("eligible-self", "政策范围内个人负担", "self", eligibleSelf - furtherPaid),
    ],
    lines: [...split.lines, ...basic.lines, ...further.lines],
  };
}

function estimateMaternity(policy: MaternityPolicy, bill: Bill): Body {
  const payment = payMaternity(policy, bill);
  const selfFunded = policy.maternity.limitedTo === "eligible" ? bill.selfPaid : 0;
  return {
    covered: payment.covered,
    layers: [
      row("total", "总费用", "cost", bill.total),
      row("fixed-amount", "定额标准", "detail", payment.fixed),
      row("basic-fund", "生育医疗费用基金支付", "fund", payment.paid),
      ...(selfFunded > 0 ? [row("self-funded", "全自费", "self", selfFunded)] : []),
      row("over-fixed", "超出定额部分", "self", bill.total - selfFunded - payment.paid),
    ],
    lines: payment.lines,
  };
}

function finish(policy: Policy, bill: Bill, body: Body): Estimate {
  const fund = sumSide(body.layers, "fund");
  const self = bill.total - fund;
  const selfRows = body.layers.filter((layer) => layer.side === "self");
  // Note: a mismatch here is a bug in the engine, never bad input; fail loudly rather than show it.
  if (sumSide(body.layers, "self") !== self || self < 0) {
    throw new Error(`calculator breakdown does not add up for ${policy.id}: self ${self}`);
  }
  const selfParts = selfRows.map((layer) => `${layer.label} ${formatYuan(layer.amount)}`).join(" + ");
  return {
    total: bill.total,
    fund,
    self,
    covered: body.covered,
    layers: body.layers,
    lines: [
      `适用政策：${policy.title}（${policy.effective.from} 至 ${policy.effective.to}）。`,
      ...body.lines,
      `个人负担：总费用 ${formatYuan(bill.total)} − 基金支付合计 ${formatYuan(fund)} = ${formatYuan(self)}（${selfParts}）。`,
      ...(policy.illustrative ? ["注意：本政策的数字为示意，并非官方标准，仅用于说明计算方法。"] : []),
      citationLine(policy),
    ],
    policy: summarizePolicy(policy),
  };
}

function sumSide(layers: readonly EstimateLayer[], side: EstimateLayer["side"]): Fen {
  return layers.filter((layer) => layer.side === side).reduce((sum, layer) => sum + layer.amount, 0);
}

function citationLine(policy: Policy): string {
  const [source] = policy.sources;
  if (!source) return `依据：${policy.title}。`;
  const facts = [
    source.number && `文号 ${source.number}`,
    `发布：${source.publisher}`,
    source.date && `日期 ${source.date}`,
    `核实状态：${SOURCE_STATUS_LABELS[source.status]}`,
  ];
  return `依据：${source.title}；${facts.filter(Boolean).join("；")}。`;
}

export type EstimateLayerView = Omit<EstimateLayer, "amount"> & { amount: number };

/** The estimate in yuan, as the HTTP API returns it. */
export type EstimateView = Omit<Estimate, "total" | "fund" | "self" | "layers"> & {
  total: number;
  fund: number;
  self: number;
  layers: EstimateLayerView[];
};

export function toYuan(result: Estimate): EstimateView {
  return {
    ...result,
    total: fenToYuan(result.total),
    fund: fenToYuan(result.fund),
    self: fenToYuan(result.self),
    layers: result.layers.map((layer) => ({ ...layer, amount: fenToYuan(layer.amount) })),
  };
}
