// Money arithmetic in integer 分 (fen). Yuan only exists at the edges: policy files, API input and the
// toYuan view. Ratios are held in basis points (1% = 100 bp) so that every product stays an integer
// until the single rounding step of a fund layer.

/** An integer amount of 分. A plain number alias: the name documents the unit at every signature. */
export type Fen = number;
/** A ratio in basis points: 9000 = 90%. */
export type BasisPoints = number;

const FULL_BP = 10_000;

/** True when a yuan amount has no fraction of a fen (float-tolerant: 0.1 + 0.2 passes). */
export function hasAtMostTwoDecimals(value: number): boolean {
  return Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;
}

export function yuanToFen(yuan: number): Fen {
  return Math.round(yuan * 100);
}

export function fenToYuan(fen: Fen): number {
  return Math.round(fen) / 100;
}

/** A policy percentage (90, 62.5) as basis points. */
export function percentToBp(percent: number): BasisPoints {
  return Math.round(percent * 100);
}

/**
 * Rounds numerator / 10000 half-up to a whole fen. Callers sum exact fen × bp products first and
 * round once, which is the "one rounding per fund layer" rule.
 */
export function roundBpProduct(fenTimesBp: number): Fen {
  return Math.floor((fenTimesBp + FULL_BP / 2) / FULL_BP);
}

/** amount × ratio, rounded half-up to the fen. */
export function applyRatio(amount: Fen, ratio: BasisPoints): Fen {
  return roundBpProduct(amount * ratio);
}

/**
 * The largest cost whose payment at `ratio` (rounded as applyRatio does) still fits within `limit`:
 * about limit ÷ ratio. Used to tell the part of a bill a capped fund still covered from the part above
 * the cap, consistently with applyRatio so that neither part ever shrinks when the bill grows.
 */
export function largestCostWithin(limit: Fen, ratio: BasisPoints): Fen {
  if (ratio <= 0) return Number.POSITIVE_INFINITY;
  // applyRatio(c) ≤ limit  ⟺  c × ratio + 5000 < (limit + 1) × 10000
  return Math.floor(((limit + 1) * FULL_BP - FULL_BP / 2 - 1) / ratio);
}

/** "1,234.50 元" — fen formatted without going through floating point. */
export function formatYuan(fen: Fen): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(Math.round(fen));
  const whole = Math.floor(abs / 100).toLocaleString("en-US");
  const cents = String(abs % 100).padStart(2, "0");
  return `${sign}${whole}.${cents} 元`;
}

/** "90%", "62.5%" */
export function formatPercent(ratio: BasisPoints): string {
  return `${ratio / 100}%`;
}
