// Where a query or an article is, against the region asked about: the place a query names, whether an
// article's region lies within it, and how near it is. Pure.
import { getRegion, NATIONWIDE } from "./index.ts";
import { withinScope } from "./scope.ts";

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

/**
 * How near an article's region is to the region asked about, for ranking: 0 the region itself or a place
 * within it, 1 a region that contains it (its province; its city, for a county), 2 nationwide, 3 any
 * other region. An article of the province applies to its cities, a nationwide one to everywhere.
 */
export function regionTier(asked: string, region: string): 0 | 1 | 2 | 3 {
  if (withinScope(asked, region)) return 0;
  if (region === NATIONWIDE) return 2;
  const at = getRegion(asked);
  return at && (region === at.provinceCode || region === at.cityCode) ? 1 : 3;
}
