// 生育医疗费用 paid as a fixed amount (定额) by delivery type and facility level. The fund pays the
// fixed amount but never more than the bill (or its policy-range cost, if the policy says so), which
// keeps self = total − fund ≥ 0.
import type { Bill } from "./bill.ts";
import { CalculatorError } from "./errors.ts";
import { DELIVERY_LABELS, FILING_LABELS, LEVEL_LABELS } from "./labels.ts";
import { formatYuan, yuanToFen, type Fen } from "./money.ts";
import type { MaternityPolicy } from "./policy-schema.ts";

export type MaternityPayment = {
  covered: boolean;
  fixed: Fen;
  paid: Fen;
  /** The bill the fixed amount is compared with. */
  limit: Fen;
  lines: string[];
};

export function payMaternity(policy: MaternityPolicy, bill: Bill): MaternityPayment {
  if (bill.filing === "unfiled") {
    throw new CalculatorError(
      "offsite_rule_missing",
      `${policy.title}按定额支付，没有载明未备案异地生育如何支付，计算器不作猜测。`,
      { policyId: policy.id },
    );
  }
  const delivery = bill.delivery;
  if (delivery === undefined) {
    throw new CalculatorError("invalid_input", "生育费用需要选择分娩或手术类型（delivery）。");
  }
  const limitedTo = policy.maternity.limitedTo;
  const limit = limitedTo === "total" ? bill.total : bill.total - bill.selfPaid;
  const byLevel = policy.maternity.fixedAmounts[delivery];
  const amount = byLevel?.[bill.level];
  const what = `${DELIVERY_LABELS[delivery]}、${LEVEL_LABELS[bill.level]}`;

  if (amount === undefined) {
    const why = byLevel === undefined ? `没有${DELIVERY_LABELS[delivery]}的定额标准` : `没有${LEVEL_LABELS[bill.level]}的${DELIVERY_LABELS[delivery]}定额标准`;
    return {
      covered: false,
      fixed: 0,
      paid: 0,
      limit,
      lines: [`总费用：${formatYuan(bill.total)}。`, `${policy.title}${why}，按本政策基金不支付。`],
    };
  }
  const fixed = yuanToFen(amount);
  const paid = Math.min(fixed, limit);
  const compared = limitedTo === "total" ? "总费用" : "政策范围内费用（总费用减全自费）";
  return {
    covered: true,
    fixed,
    paid,
    limit,
    lines: [
      `总费用：${formatYuan(bill.total)}。`,
      ...(limitedTo === "eligible" ? [`减全自费：${formatYuan(bill.selfPaid)}。`] : []),
      ...(bill.filing === "local" ? [] : [`${FILING_LABELS[bill.filing]}：按参保地定额标准计算。`]),
      `生育医疗费用定额：${what} ${formatYuan(fixed)}。`,
      paid < fixed
        ? `${compared} ${formatYuan(limit)} 低于定额，基金按实际费用支付 ${formatYuan(paid)}。`
        : `基金按定额支付 ${formatYuan(paid)}。`,
    ],
  };
}
