// Why a search found nothing (or little): the question is not answered anywhere (no_content), the
// filters chosen leave out answers the same words find without them (filters), or answers exist for
// other regions only (region). Pure: the facts come from probe searches that lib/site/search.ts runs.
import { getRegion, NATIONWIDE } from "../regions/index.ts";

/** At most this many hits is a weak result: the ask form and an explanation are shown. */
export const WEAK_MAX = 3;

export type Cause = "no_content" | "filters" | "region";

export const CAUSE_LABELS: Record<Cause | "no_click", string> = { no_content: "没有内容", filters: "筛选过窄", region: "地区未覆盖", no_click: "有结果无点击" };

export function isWeak(r: { total: number }): boolean {
  return r.total > 0 && r.total <= WEAK_MAX;
}

export type Place = { code: string; name: string; rest: string };

const HAN_NAME = /[\u4e00-\u9fff]{2,8}/g;

/**
 * The province or city a query names ("深圳医保报销比例" → 440300, rest "医保报销比例"); the longest name
 * wins. Counties are left out: many of their names are ordinary words.
 */
export function placeInQuery(text: string, find: (name: string) => string | undefined): Place | null {
  let best: Place | null = null;
  for (const run of text.matchAll(HAN_NAME)) {
    const s = run[0];
    for (let i = 0; i < s.length - 1; i++) {
      for (let len = Math.min(8, s.length - i); len >= 2; len--) {
        if (best && len <= best.name.length) break;
        const name = s.slice(i, i + len);
        const code = find(name);
        const level = code ? getRegion(code)?.level : undefined;
        if (code && (level === "province" || level === "city")) {
          best = { code, name, rest: "" };
          break;
        }
      }
    }
  }
  if (!best) return null;
  return { ...best, rest: text.replace(best.name, " ").replace(/\s+/g, " ").trim() };
}

/** Is an article of `hitRegion` about `region` (the region itself or a place within it)? */
export function regionCovers(region: string, hitRegion: string): boolean {
  if (region === NATIONWIDE) return hitRegion === NATIONWIDE;
  if (hitRegion === region) return true;
  if (region.endsWith("0000")) return hitRegion.slice(0, 2) === region.slice(0, 2) && hitRegion !== NATIONWIDE;
  if (region.endsWith("00")) return hitRegion.slice(0, 4) === region.slice(0, 4);
  return false;
}

export type CauseFacts = {
  /** Hits of the search as made. */
  total: number;
  /** The region asked about (a filter or a place named in the query), nationwide excluded. */
  askedRegion?: string;
  /** Hits within the asked region (null: not probed). */
  regionHits?: number | null;
  /** Hits of the same words without the region (null: not probed). */
  totalWithoutRegion?: number | null;
  /** An insurance, topic or year filter was chosen. */
  otherFilters?: boolean;
  /** Hits of the same words without any filter (null: not probed). */
  totalWithoutFilters?: number | null;
};

/** null: the search found enough, nothing to explain. */
export function classifyCause(f: CauseFacts): Cause | null {
  if (f.askedRegion && f.regionHits === 0 && (f.totalWithoutRegion ?? 0) > 0) return "region";
  if (f.total > WEAK_MAX) return null;
  if (f.otherFilters && (f.totalWithoutFilters ?? 0) > f.total) return "filters";
  return "no_content";
}
