// Preferences Meilisearch cannot rank by itself, because they depend on the query: the region a query
// names, and the latest year when the year typed has no articles. Applied to a window of the engine's
// best hits; among hits that match the same number of query words the preference decides, otherwise
// the engine's order stands (a nationwide answer to every word stays above a local page that only
// shares the city's name). Pure.
import { regionTier } from "../regions/place.ts";

export type RankContext = {
  /** The region asked about (a place named in the query): its articles, then its province's, then nationwide, then the rest. */
  region?: string;
  /** The query's year has no articles: later years first. */
  latestYearFirst?: boolean;
};

export type Rankable = { region: string; year: number | null; matchingWords: number };

export function hasPreference(ctx: RankContext): boolean {
  return Boolean(ctx.region || ctx.latestYearFirst);
}

/** Hits reordered by the context's preferences, stable: equal hits keep the engine's order. */
export function preferRegionAndYear<T extends Rankable>(hits: T[], ctx: RankContext): T[] {
  if (!hasPreference(ctx)) return hits;
  const key = (h: T) => [
    -h.matchingWords,
    ctx.region ? regionTier(ctx.region, h.region) : 0,
    // An article without a year (standing rules) after every dated one: the query asked for a year.
    ctx.latestYearFirst ? -(h.year ?? 0) : 0,
  ];
  return hits
    .map((h, i) => ({ h, i, k: key(h) }))
    .sort((a, b) => compare(a.k, b.k) || a.i - b.i)
    .map((x) => x.h);
}

function compare(a: number[], b: number[]): number {
  for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return a[j]! - b[j]!;
  return 0;
}
