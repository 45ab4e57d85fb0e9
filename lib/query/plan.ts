// The query plan: which rewrites of what was typed to try, in which order, decided from the query and
// the lexicon alone. lib/search executes a plan (Meilisearch, or the Postgres fallback) and stops at the
// first step that finds something. Pure: the same query and lexicon always give the same plan.
import { correctHomophones, orderWords, type Lexicon, readUnits, toUnits, wordFromInitials, wordsFromSyllables } from "./lexicon.ts";
import { normalizeQuery, type NormalizedQuery } from "./normalize.ts";
import { splitSyllables, toSyllables } from "./pinyin.ts";
import { findRegionByName } from "../regions/index.ts";
import { placeInQuery } from "../regions/place.ts";

/** Which index fields a step searches: the Chinese text fields, or the pinyin / initials fields. */
export type StepFields = "text" | "pinyin" | "initials";

export type PlanStep = {
  /** Why this step exists: the query as normalised, a repaired typo, pinyin read as words, colloquial
   * words replaced by the domain's, or a looser match after the others found nothing. */
  rewrite: "normalise" | "repair" | "pinyin" | "synonyms" | "relax";
  q: string;
  fields: StepFields;
  /** Meilisearch's matching strategy; "last" unless said otherwise (chosen by measurement). */
  strategy: "last" | "all" | "frequency";
  /** Only articles of this year (a year typed in the query); the same step without it follows. */
  year?: number;
  /** The wording shown as "已显示“…”的结果" when this step answers. */
  shownFor?: string;
  /** The shown wording is read from the best hit's title (the words that sound like the query). */
  shownFromHit?: boolean;
};

export type QueryPlan = {
  query: NormalizedQuery;
  year?: number;
  /** The province or city the query names ("毕节门诊报销" → 520500): its articles are preferred (rank.ts). */
  place?: string;
  steps: PlanStep[];
};

// "2026", "2026年": a year from 1998 (the first year of 职工医保) to 2100, standing alone.
const YEAR_RE = /(?<!\d)(199[89]|20\d\d|2100)(?!\d)\s?年?/;

const text = (rewrite: PlanStep["rewrite"], q: string, shownFor?: string): PlanStep => ({ rewrite, q, fields: "text", strategy: "last", ...(shownFor ? { shownFor } : {}) });

/** Colloquial phrasings replaced by the domain words they stand for, on the text before fillers are
 * stripped ("钱怎么报" would otherwise lose its 怎么). Null when none occurs. */
export function replaceColloquial(display: string, lex: Lexicon): string | null {
  let out = display;
  for (const { from, to } of lex.colloquial) if (out.includes(from)) out = out.split(from).join(` ${to} `);
  return out === display ? null : normalizeQuery(out).text;
}

export function planQuery(nq: NormalizedQuery, lex: Lexicon): QueryPlan {
  const steps: PlanStep[] = [];
  switch (nq.kind) {
    case "empty":
      steps.push(text("normalise", ""));
      break;
    case "pinyin": {
      const words = wordsFromSyllables(nq.pinyin!.split(" "), lex);
      if (words) steps.push(text("pinyin", words.join(" "), words.join("")));
      steps.push({ rewrite: "normalise", q: `"${nq.pinyin}"`, fields: "pinyin", strategy: "last" });
      steps.push({ rewrite: "relax", q: nq.pinyin!, fields: "pinyin", strategy: "all" });
      break;
    }
    case "initials": {
      const word = wordFromInitials(nq.pinyin!, lex);
      if (word) steps.push(text("pinyin", word, word));
      steps.push({ rewrite: "normalise", q: nq.pinyin!, fields: "initials", strategy: "last" });
      break;
    }
    case "mixed": {
      // "yd jiuyi", "门诊tongchou": read as words where the letters spell some, across the spaces too
      // ("yd" alone is 异地 or 药店; "yd jiuyi" is 异地就医).
      const parts = nq.text.split(" ").map((p) => toUnits(p, splitSyllables));
      const words = parts.every(Boolean) ? readUnits(parts.flatMap((u) => u!), lex) : null;
      if (words && !/[a-z]/.test(words.join(""))) steps.push(text("pinyin", orderWords(words.join(" "), lex), words.join("")));
      steps.push(text("normalise", nq.text));
      break;
    }
    case "chinese": {
      const said = replaceColloquial(nq.display, lex);
      const base = said ?? nq.text;
      const fixed = correctHomophones(base, lex);
      if (fixed.corrections.length) steps.push(text("repair", orderWords(fixed.text, lex), fixed.text.replace(/ /g, "")));
      else if (said) steps.push(text("synonyms", orderWords(said, lex)));
      steps.push(text("normalise", orderWords(nq.text, lex)));
      // Nothing matched the characters: the same sounds as a phrase on the pinyin field.
      const syllables = toSyllables(nq.text);
      if (syllables.length >= 2) steps.push({ rewrite: "relax", q: `"${syllables.join(" ")}"`, fields: "pinyin", strategy: "last", shownFromHit: true });
      break;
    }
  }
  const year = nq.kind === "chinese" || nq.kind === "mixed" ? Number(YEAR_RE.exec(nq.text)?.[1]) || undefined : undefined;
  const code = nq.kind === "chinese" || nq.kind === "mixed" ? placeInQuery(nq.text, findRegionByName)?.code : undefined;
  const place = code ? { place: code } : {};
  if (!year) return { query: nq, ...place, steps };
  // A year typed: that year's articles first (the year itself left out of the words), then any year.
  const withYear = steps
    .filter((s) => s.fields === "text")
    .map((s) => ({ ...s, q: s.q.replace(new RegExp(YEAR_RE.source, "g"), " ").replace(/\s+/g, " ").trim(), year }));
  const seen = new Set<string>();
  const unique = withYear.filter((s) => !seen.has(s.q) && (seen.add(s.q), true));
  return { query: nq, year, ...place, steps: [...unique, ...steps] };
}
