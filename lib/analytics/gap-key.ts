// The cluster a search belongs to in the content-gap queue: the same words after normalisation and
// synonyms, in any order, with the place it names moved out into the region. Pure.
import { NATIONWIDE } from "../regions/index.ts";
import { placeInQuery } from "../regions/place.ts";

/** Word → the first word of its synonym group, longest words first (for replacing inside text). */
export function synonymFolder(groups: string[][]): (text: string) => string {
  const pairs = groups.flatMap((g) => g.slice(1).map((w) => [w, g[0]!] as const)).sort((a, b) => b[0].length - a[0].length);
  if (!pairs.length) return (t) => t;
  const re = new RegExp(pairs.map(([w]) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
  const to = new Map(pairs);
  return (text) => text.replace(re, (w) => to.get(w) ?? w);
}

/**
 * `normalized` is the query as sent to the engine (lib/query: simplified, lower-case, fillers removed);
 * `region` the filter chosen, if any. An empty key means there is nothing to cluster.
 */
export function gapKey(normalized: string, region: string | null | undefined, fold: (t: string) => string, find: (name: string) => string | undefined): { key: string; region: string } {
  const place = placeInQuery(normalized, find);
  const text = place ? place.rest : normalized;
  const words = text
    .split(/\s+/)
    .map((w) => fold(w).replace(/[^\p{L}\p{N}]/gu, ""))
    .filter(Boolean);
  const key = [...new Set(words)].sort().join(" ");
  return { key, region: region || place?.code || NATIONWIDE };
}
