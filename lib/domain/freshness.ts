// Whether what a page states is still current, in one rule: an answer describes a year's standard
// (`year`); once that year is over the page says so; figures about a place with no year given are
// flagged too. Pure; the question page, search results and landing lists all ask here.
import { NATIONWIDE } from "../regions/index.ts";

export type Freshness =
  | { kind: "current" }
  /** The year the answer describes is over; the figures may have changed since. */
  | { kind: "past-year"; year: number; current: number }
  /** Local figures with no year given: the reader cannot tell which year they are for. */
  | { kind: "undated"; current: number };

/** Money or percentages in an answer: 150元, 1.5万元, 80%, 90％. */
const FIGURE = /\d[\d,.]*\s*(?:元|万元|%|％)/;

export function statesFigures(markdown: string): boolean {
  return FIGURE.test(markdown);
}

/** `today` as YYYY-MM-DD in China (todayInChina in ./dates.ts). */
export function freshness(a: { year?: number | null; region: string; figures: boolean }, today: string): Freshness {
  const current = Number(today.slice(0, 4));
  if (a.year && a.year < current) return { kind: "past-year", year: a.year, current };
  if (!a.year && a.figures && a.region !== NATIONWIDE) return { kind: "undated", current };
  return { kind: "current" };
}

/** What the page says above the answers; null when there is nothing to warn about. */
export function freshnessNotice(f: Freshness): string | null {
  if (f.kind === "past-year") return `以下为${f.year}年标准，${f.current}年标准尚未核实。办理前请以当地医保部门的最新文件为准。`;
  if (f.kind === "undated") return `以下数字未注明适用年度，可能不是${f.current}年的标准。办理前请以当地医保部门的最新文件为准。`;
  return null;
}

/** The short mark next to a result or list entry. */
export function freshnessMark(f: Freshness): string | null {
  if (f.kind === "past-year") return `${f.year}年标准`;
  if (f.kind === "undated") return "未注明年度";
  return null;
}
