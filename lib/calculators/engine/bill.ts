// The bill in 分, as the engine sees it after the edge conversion, and the first split of it:
// 总费用 → 全自费 → 乙类先行自付 → 政策范围内费用.
import type { Delivery, FacilityLevel, Insurance, Person, Scheme } from "./policy-schema.ts";
import type { Filing, ParsedEstimateInput } from "./estimate-input.ts";
import { applyRatio, formatPercent, formatYuan, percentToBp, yuanToFen, type Fen } from "./money.ts";

export type Bill = {
  region: string;
  year: number;
  insurance: Insurance;
  scheme: Scheme;
  level: FacilityLevel;
  person: Person;
  filing: Filing;
  delivery: Delivery | undefined;
  total: Fen;
  selfPaid: Fen;
  classB: Fen;
  ytd: {
    fundPaid: Fen;
    deductibleMet: Fen;
    admissionsBefore: number;
    /** Cumulative base already counted this year, by layer id. */
    layerBase: (layerId: string) => Fen;
  };
};

/** The only place yuan becomes 分. */
export function billFromInput(input: ParsedEstimateInput): Bill {
  const layerBase = input.ytd.layerBase;
  return {
    region: input.region,
    year: input.year,
    insurance: input.insurance,
    scheme: input.scheme,
    level: input.level,
    person: input.person,
    filing: input.filing,
    delivery: input.delivery,
    total: yuanToFen(input.total),
    selfPaid: yuanToFen(input.selfPaid),
    classB: yuanToFen(input.classB),
    ytd: {
      fundPaid: yuanToFen(input.ytd.fundPaid),
      deductibleMet: yuanToFen(input.ytd.deductibleMet),
      admissionsBefore: input.ytd.admissionsBefore,
      // Own keys only: a layer id such as "constructor" must not read Object.prototype's member.
      layerBase: (layerId) =>
        yuanToFen(typeof layerBase === "number" ? layerBase : layerBase && Object.hasOwn(layerBase, layerId) ? layerBase[layerId]! : 0),
    },
  };
}

export type BillSplit = {
  total: Fen;
  selfFunded: Fen;
  classBFirst: Fen;
  eligible: Fen;
  lines: string[];
};

/** Takes the parts the fund never sees off the top; what is left is 政策范围内费用. */
export function splitBill(bill: Bill, classBSelfShare: number | undefined): BillSplit {
  const classBFirst = classBSelfShare === undefined ? 0 : applyRatio(bill.classB, percentToBp(classBSelfShare));
  const eligible = bill.total - bill.selfPaid - classBFirst;
  return {
    total: bill.total,
    selfFunded: bill.selfPaid,
    classBFirst,
    eligible,
    lines: [
      `总费用：${formatYuan(bill.total)}。`,
      `减全自费（目录外、超限价等）：${formatYuan(bill.selfPaid)}。`,
      classBLine(bill.classB, classBFirst, classBSelfShare),
      `政策范围内费用：${formatYuan(eligible)}。`,
    ],
  };
}

function classBLine(classB: Fen, classBFirst: Fen, share: number | undefined): string {
  if (share === undefined) {
    return `减乙类先行自付：${formatYuan(0)}（本政策未设乙类先行自付比例）。`;
  }
  const percent = formatPercent(percentToBp(share));
  if (classB === 0) {
    return `减乙类先行自付：${formatYuan(0)}（未填写乙类费用；本政策乙类先行自付 ${percent}）。`;
  }
  return `减乙类先行自付：${formatYuan(classBFirst)}（乙类费用 ${formatYuan(classB)} × ${percent}）。`;
}
