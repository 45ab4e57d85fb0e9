// An amount as people type it: full-width digits (１０００), a unit (1000元, 100块, ￥100), thousands
// separators (1,000 / 1，000) and Chinese or shorthand multipliers (1千, 1.5万, 2k, 3w). Pure.

const MULTIPLIER: Record<string, number> = { 千: 1_000, k: 1_000, 万: 10_000, w: 10_000 };
const SHAPE = /^(\d+(?:\.\d+)?)([千万kw])?$/;

/** Yuan, or null when the text is not an amount (or has more than two decimals after multiplying). */
export function parseAmountText(text: string): number | null {
  const s = text
    .normalize("NFKC") // full-width digits, comma, full stop and letters → ASCII
    .toLowerCase()
    .replace(/[\s,，]/g, "")
    .replace(/^[¥￥]|(?:元|块钱|块|rmb)$/g, "")
    .replace(/。/g, ".");
  const m = SHAPE.exec(s);
  if (!m) return null;
  const [whole = "", fraction = ""] = m[1]!.split(".");
  const factor = m[2] ? MULTIPLIER[m[2]]! : 1;
  // Exact in fen: 1.25万 = 12500, 1.234万 = 12340; 0.005 is refused rather than rounded.
  const fen = BigInt(whole + fraction.padEnd(2, "0").slice(0, Math.max(2, fraction.length))) * BigInt(factor);
  const scale = 10n ** BigInt(Math.max(2, fraction.length) - 2);
  if (fen % scale !== 0n) return null;
  const value = Number(fen / scale) / 100;
  return value <= 100_000_000 ? value : null;
}
