// Index settings live here, in code (plus the vocabulary from content/search), and are applied only
// when they differ from the live index.
import type { Settings } from "meilisearch";
import type { SearchVocabulary } from "../domain/schema.ts";

// 相似问法 after the asker's description: right after the title they let an alias that shares a side
// word (流程, 缴费时间) outrank the article a plain query asks for (plain 0.876 → 0.893 moved here).
export const CHINESE_ATTRIBUTES = ["title", "question", "aliases", "topics", "regionNames", "answers"];
export const PINYIN_ATTRIBUTES = ["pinyin", "initials"];

/**
 * Meilisearch's rules with `attribute` before `proximity` (a match in the title or the question outranks
 * words close together in an answer: 0.880 → 0.891 nDCG@10 on the judged set), then answered questions
 * before open ones when all else is equal (+0.002 on pinyin, nothing elsewhere; placed right after
 * `words` it cost 0.03). BENCHMARKS.md, "Choices measured along the way".
 */
export const RANKING_RULES = ["words", "typo", "attribute", "proximity", "sort", "exactness", "answered:desc"] as const;

/** Each synonym group in both directions: every word maps to all the others. */
export function synonymMap(groups: string[][]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const group of groups) {
    for (const w of group) out[w] = [...new Set([...(out[w] ?? []), ...group.filter((x) => x !== w)])];
  }
  return out;
}

/**
 * A dictionary term is one token in the index, which hides the words it is made of: 职工医保 in an
 * article does not match 职工 in a query. Each curated word that begins or ends a longer term finds
 * that term too (one way: 职工 → 职工医保, 门诊 → 门诊统筹; 职工医保 does not find every 职工).
 */
export function partSynonyms(terms: string[], words: Iterable<string>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const known = [...new Set(words)].filter((w) => [...w].length >= 2);
  for (const t of new Set(terms)) {
    for (const w of known) {
      if (w.length < t.length && (t.startsWith(w) || t.endsWith(w))) (out[w] ??= []).push(t);
    }
  }
  return out;
}

/**
 * Two-way groups, then the one-way colloquial groups (外地 also finds 异地, 异地 does not find 外地), then
 * the words inside dictionary terms (partSynonyms: 0.917 → 0.918 nDCG@10; region queries 0.949 → 0.974,
 * plain, colloquial and synonym 0.003–0.005 lower; BENCHMARKS.md).
 */
export function allSynonyms(vocabulary: Pick<SearchVocabulary, "synonyms" | "colloquial" | "terms">): Record<string, string[]> {
  const out = synonymMap(vocabulary.synonyms);
  for (const { says, means } of vocabulary.colloquial) {
    for (const w of says) out[w] = [...new Set([...(out[w] ?? []), ...means.filter((x) => x !== w)])];
  }
  const words = [...vocabulary.terms, ...vocabulary.synonyms.flat(), ...vocabulary.colloquial.flatMap((g) => [...g.says, ...g.means])];
  for (const [w, ts] of Object.entries(partSynonyms(vocabulary.terms, words))) out[w] = [...new Set([...(out[w] ?? []), ...ts])];
  return out;
}

export function desiredSettings(vocabulary: SearchVocabulary = { terms: [], synonyms: [], stopWords: [], colloquial: [] }): Settings {
  return {
    // Order matters: a match in the title outranks one in the asker's description, the 相似问法, topics, then answers.
    searchableAttributes: [...CHINESE_ATTRIBUTES, ...PINYIN_ATTRIBUTES],
    filterableAttributes: ["region", "province", "city", "insurance", "topics", "year", "state"],
    sortableAttributes: ["published", "updated", "answered"],
    rankingRules: [...RANKING_RULES],
    displayedAttributes: ["*"],
    // Short all-Han strings are otherwise sometimes detected as Japanese and segmented wrongly.
    localizedAttributes: [{ attributePatterns: CHINESE_ATTRIBUTES, locales: ["cmn"] }],
    // Domain terms kept whole. Synonym words are not added: as single tokens they would hide the shorter
    // words inside them (医保卡 no longer matching 医保); measured no better either.
    dictionary: [...new Set(vocabulary.terms)].sort(),
    synonyms: allSynonyms(vocabulary),
    stopWords: [...new Set(vocabulary.stopWords)].sort(),
    pagination: { maxTotalHits: 1000 },
    faceting: { maxValuesPerFacet: 200 },
  };
}

/** Keys of `desired` whose live value differs. Objects compare only the fields we set (the live index
 * fills in defaults for the rest); arrays and scalars compare exactly; synonyms compare as sets. */
export function changedSettings(live: Settings, desired: Settings): Settings {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(desired)) {
    const current = (live as Record<string, unknown>)[key];
    const same = key === "synonyms" ? sameSynonyms(value as Record<string, string[]>, current as Record<string, string[]>) : covers(value, current);
    if (!same) out[key] = value;
  }
  return out as Settings;
}

function sameSynonyms(a: Record<string, string[]>, b: Record<string, string[]> | undefined): boolean {
  const norm = (m: Record<string, string[]>) => JSON.stringify(Object.entries(m).map(([k, v]) => [k, [...v].sort()]).sort(([x], [y]) => String(x).localeCompare(String(y))));
  return !!b && norm(a) === norm(b);
}

function covers(desired: unknown, live: unknown): boolean {
  if (desired && typeof desired === "object" && !Array.isArray(desired)) {
    if (!live || typeof live !== "object") return false;
    return Object.entries(desired).every(([k, v]) => covers(v, (live as Record<string, unknown>)[k]));
  }
  return JSON.stringify(desired) === JSON.stringify(live);
}
