// Finds the one policy for a region / year / insurance / scheme. A missing year is refused: rates
// change every year, so borrowing last year's figures would give a confident wrong answer.
import { CalculatorError } from "./errors.ts";
import { INSURANCE_LABELS, SCHEME_LABELS } from "./labels.ts";
import type { Insurance, Policy, Scheme } from "./policy-schema.ts";
import { regionLabel } from "../../regions/index.ts";

export type PolicyKey = { region: string; year: number; insurance: Insurance; scheme: Scheme };

export function findPolicy(policies: readonly Policy[], key: PolicyKey): Policy {
  const sameKind = policies.filter(
    (p) => p.region === key.region && p.insurance === key.insurance && p.scheme === key.scheme,
  );
  const match = sameKind.find((p) => p.year === key.year);
  if (match) return match;

  const availableYears = [...new Set(sameKind.map((p) => p.year))].sort((a, b) => a - b);
  const what = `${regionLabel(key.region)}${INSURANCE_LABELS[key.insurance]}${SCHEME_LABELS[key.scheme]}`;
  const message =
    availableYears.length > 0
      ? `没有${what} ${key.year} 年的政策数据；现有年份：${availableYears.join("、")}。计算器不会借用其他年份的标准。`
      : `暂无${what}的政策数据。`;
  throw new CalculatorError("policy_not_found", message, { ...key, availableYears });
}
