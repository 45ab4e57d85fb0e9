// Layers after the basic fund (大病保险, 职工大额医疗补助 …). Each pays tiered ratios over a yearly
// cumulative base: this bill's base is added on top of what ytd.layerBase says was counted earlier,
// so a bill that crosses a tier boundary is paid at both ratios. One rounding per layer.
//
// Layers run in file order and each pays out of what is still owed after the layers before it: an
// over-cap layer (only first, the schema enforces it) takes the part above the basic cap, then every
// eligible-self layer takes what the person still owes. Because no ratio exceeds 100%, a layer never
// pays more than its base, and a bigger bill never leaves the person owing less.
import type { Bill } from "./bill.ts";
import { formatPercent, formatYuan, percentToBp, roundBpProduct, yuanToFen, type Fen } from "./money.ts";
import type { FurtherLayer } from "./policy-schema.ts";

export type LayerPayment = { id: string; name: string; paid: Fen };

export type FurtherLayers = { payments: LayerPayment[]; lines: string[] };

export type LayerBases = {
  /** Policy-range cost the basic fund left to the person (起付线 + 比例自付 + 超限额). */
  eligibleSelf: Fen;
  /** Only the part left because a basic-fund cap was reached. */
  overCap: Fen;
};

export function payFurtherLayers(layers: readonly FurtherLayer[], bill: Bill, bases: LayerBases): FurtherLayers {
  const payments: LayerPayment[] = [];
  const lines: string[] = [];
  let stillOwed = bases.eligibleSelf;
  for (const layer of layers) {
    const base = layer.base === "eligible-self" ? stillOwed : bases.overCap;
    const result = payLayer(layer, bill.ytd.layerBase(layer.id), base);
    stillOwed -= result.paid;
    payments.push({ id: layer.id, name: layer.name, paid: result.paid });
    lines.push(result.line);
  }
  return { payments, lines };
}

type Band = { from: Fen; to: Fen; ratio: number };

function bandsOf(layer: FurtherLayer): Band[] {
  return layer.tiers.map((tier) => ({
    from: yuanToFen(tier.from),
    to: tier.to === undefined ? Number.POSITIVE_INFINITY : yuanToFen(tier.to),
    ratio: percentToBp(tier.ratio),
  }));
}

function overlap(band: Band, from: Fen, to: Fen): Fen {
  return Math.max(0, Math.min(to, band.to) - Math.max(from, band.from));
}

/** What the tiers pay for the cumulative base moving from `from` to `to`, rounded once. */
function tieredPayment(bands: readonly Band[], from: Fen, to: Fen): Fen {
  return roundBpProduct(bands.reduce((sum, band) => sum + overlap(band, from, to) * band.ratio, 0));
}

function payLayer(layer: FurtherLayer, prior: Fen, base: Fen): { paid: Fen; line: string } {
  const bands = bandsOf(layer);
  const threshold = bands[0]?.from ?? 0;
  const cumulative = prior + base;
  const head = `${layer.name}：本次计入 ${formatYuan(base)}，本年累计由 ${formatYuan(prior)}增至 ${formatYuan(cumulative)}`;

  if (cumulative <= threshold) {
    return { paid: 0, line: `${head}，未超过起付标准 ${formatYuan(threshold)}，不支付。` };
  }
  const byTiers = tieredPayment(bands, prior, cumulative);
  // Earlier payments follow from the earlier base, so the remaining annual cap needs no extra ytd field.
  const annualCap = layer.annualCap === undefined ? undefined : yuanToFen(layer.annualCap);
  const capLeft = annualCap === undefined ? undefined : Math.max(0, annualCap - tieredPayment(bands, 0, prior));
  const paid = Math.min(byTiers, capLeft ?? byTiers);

  const parts = bands
    .filter((band) => overlap(band, prior, cumulative) > 0)
    .map((band) => `${describeBand(band)} ${formatYuan(overlap(band, prior, cumulative))} × ${formatPercent(band.ratio)}`);
  const capNote =
    annualCap === undefined || capLeft === undefined ? "" : `；年度限额 ${formatYuan(annualCap)}，本次前剩余 ${formatYuan(capLeft)}`;
  return {
    paid,
    line: `${head}，${threshold > 0 ? `起付标准 ${formatYuan(threshold)}` : "不设起付标准"}；${parts.join("，")}${capNote}；支付 ${formatYuan(paid)}。`,
  };
}

function describeBand(band: Band): string {
  return band.to === Number.POSITIVE_INFINITY
    ? band.from === 0 ? "全部" : `${formatYuan(band.from)}以上部分`
    : `${formatYuan(band.from).replace(" 元", "")}–${formatYuan(band.to)}段`;
}
