// The search lexicon read by sound: the domain's curated words (vocabulary terms, synonym words, topic
// names) and every word of the published content with its frequency (segmented by the outbox worker,
// lib/search/lexicon-store.ts). It turns pinyin, initials and mixed input into Chinese words ("yibaoma"
// → 医保码, "ydjy" → 异地就医, "yd jiuyi" → 异地就医, "门诊tongchou" → 门诊统筹) and repairs homophone
// typos of any corpus word ("门诊通筹" → 门诊统筹, "转真" → 转诊). Curated words win, then frequent
// ones. Pure.
import { normalizeQuery } from "./normalize.ts";
import { toSyllables } from "./pinyin.ts";

/** What the worker learns from the corpus: [word, frequency in the corpus, frequency in general Chinese]. */
export type CorpusWords = {
  words: [string, number, number][];
  /**
   * General-language words (jieba's dictionary) that sound like a lexicon word but are other words,
   * with their general frequency: typed, they are not typos unless the lexicon word is the more common.
   */
  known: [string, number][];
};

type Entry = { word: string; score: number; curated: boolean; freq: number; general: number };
type Node = { next: Map<string, Node>; entries: Entry[] };

export type Lexicon = {
  /** Every word, curated or from the corpus. */
  words: Map<string, Entry>;
  /** The curated domain words only: these go first in a query (domainWordsFirst). */
  curated: Set<string>;
  /** Words by their syllables ("men" → "zhen" → …); each node keeps its best words first. */
  root: Node;
  known: Map<string, number>;
  /** Characters never part of a repair (stop words: 了, 的 …), so that a word boundary is not "fixed". */
  stop: Set<string>;
  maxSyllables: number;
  /** Longest phrasing first. */
  colloquial: Colloquial[];
  /** Words naming whom a question is about (老人, 小孩): ordered after every word that says what is asked. */
  persons: Set<string>;
};

const HAN_WORD = /^[\u4e00-\u9fff]{2,8}$/;
const CURATED = 1e9;
/** A corpus word must appear this often to be a repair target: one-off words are often names or noise. */
export const MIN_REPAIR_FREQ = 2;

/** A colloquial phrasing and the domain word it stands for ("钱怎么报" → 报销); one direction only. */
export type Colloquial = { from: string; to: string };

export type LexiconOptions = { corpus?: CorpusWords; stopWords?: Iterable<string>; colloquial?: Colloquial[]; persons?: Iterable<string> };

export function buildLexicon(curated: Iterable<string>, { corpus, stopWords = [], colloquial = [], persons = [] }: LexiconOptions = {}): Lexicon {
  const words = new Map<string, Entry>();
  const root: Node = { next: new Map(), entries: [] };
  let maxSyllables = 1;
  const add = (word: string, e: Omit<Entry, "word">, syllables: string[]) => {
    const old = words.get(word);
    if (old) {
      old.freq = Math.max(old.freq, e.freq);
      old.general = Math.max(old.general, e.general);
      if (!old.curated) old.score = Math.max(old.score, e.score);
      return;
    }
    const entry = { word, ...e };
    words.set(word, entry);
    maxSyllables = Math.max(maxSyllables, syllables.length);
    let node = root;
    for (const s of syllables) {
      let child = node.next.get(s);
      if (!child) node.next.set(s, (child = { next: new Map(), entries: [] }));
      node = child;
    }
    node.entries.push(entry);
  };
  for (const w of curated) {
    if (HAN_WORD.test(w)) add(w, { score: CURATED, curated: true, freq: 0, general: 0 }, toSyllables(w));
  }
  for (const [w, freq, general] of corpus?.words ?? []) {
    if (HAN_WORD.test(w)) add(w, { score: freq, curated: false, freq, general }, toSyllables(w));
  }
  // Curated entries keep their frequencies from the corpus, which ranks them among themselves.
  for (const e of words.values()) if (e.curated) e.score = CURATED + e.freq;
  const sortNode = (n: Node) => {
    n.entries.sort((a, b) => b.score - a.score || a.word.localeCompare(b.word));
    for (const c of n.next.values()) sortNode(c);
  };
  sortNode(root);
  const stop = new Set([...stopWords].filter((w) => w.length === 1));
  return {
    words,
    curated: new Set([...words.values()].filter((e) => e.curated).map((e) => e.word)),
    root,
    known: new Map(corpus?.known ?? []),
    stop,
    maxSyllables,
    colloquial: [...colloquial].sort((a, b) => b.from.length - a.from.length),
    persons: new Set(persons),
  };
}

/** One position of what was typed: a Han character (with its syllable), a pinyin syllable or an initial. */
export type Unit = { char?: string; syllable?: string; initial?: string };

/** The units of a query part: Han characters, pinyin syllables, or single letters read as initials. */
export function toUnits(part: string, split: (letters: string) => string[] | null): Unit[] | null {
  const out: Unit[] = [];
  for (const run of part.match(/[\u4e00-\u9fff]+|[a-z]+|[^\u4e00-\u9fffa-z]+/g) ?? []) {
    if (/^[\u4e00-\u9fff]/.test(run)) {
      const syl = toSyllables(run);
      [...run].forEach((char, i) => out.push({ char, syllable: syl[i] }));
    } else if (/^[a-z]/.test(run)) {
      // All consonants ("yd", "mztc") are initials; anything else must split into syllables.
      const syllables = /^[bcdfghjklmnpqrstwxyz]+$/.test(run) ? null : split(run);
      if (syllables) syllables.forEach((s) => out.push({ syllable: s }));
      else if (/^[bcdfghjklmnpqrstwxyz]+$/.test(run)) [...run].forEach((c) => out.push({ initial: c }));
      else return null;
    } else return null;
  }
  return out;
}

/** Lexicon words that can be read at `units[start…]`: one list per length, longest first, best first. */
function wordsAt(units: Unit[], start: number, lex: Lexicon): Entry[][] {
  const byLength: Entry[][] = [];
  let frontier: Node[] = [lex.root];
  for (let i = start; i < units.length && i - start < lex.maxSyllables && frontier.length; i++) {
    const u = units[i]!;
    const next: Node[] = [];
    for (const n of frontier) {
      if (u.syllable) {
        const c = n.next.get(u.syllable);
        if (c) next.push(c);
      } else if (u.initial) {
        for (const [s, c] of n.next) if (s.startsWith(u.initial)) next.push(c);
      }
    }
    // Bounded: a run of initials fans out over every syllable with that initial.
    frontier = next.slice(0, 400);
    // Typed characters must stay what they are: "门诊tongchou" reads only words starting 门诊.
    const fits = (e: Entry) => units.slice(start, i + 1).every((x, k) => !x.char || e.word[k] === x.char);
    const found = frontier.flatMap((n) => n.entries).filter(fits).sort((a, b) => b.score - a.score);
    if (i > start && found.length) byLength.push(found);
  }
  return byLength.reverse();
}

/** Whether an initials reading is clear: a curated word, or a word far more frequent than the next. */
function unambiguous(cands: Entry[], units: Unit[]): Entry | null {
  const [best, second] = cands;
  if (!best) return null;
  if (!units.some((u) => u.initial)) return best;
  if (best.curated) return second?.curated ? null : best;
  return best.freq >= MIN_REPAIR_FREQ && (!second || best.freq >= 3 * second.freq) ? best : null;
}

/**
 * Reads pinyin, initials and mixed input as lexicon words, longest first; Han characters that begin no
 * word stay as typed. Null when some letters could not be read (the engine's pinyin fields then try).
 */
export function readUnits(units: Unit[], lex: Lexicon): string[] | null {
  const out: string[] = [];
  let leftover = false;
  for (let i = 0; i < units.length; ) {
    let taken = false;
    for (const cands of wordsAt(units, i, lex)) {
      const len = [...cands[0]!.word].length;
      const e = unambiguous(cands, units.slice(i, i + len));
      if (!e) continue;
      out.push(e.word);
      i += len;
      taken = true;
      leftover = false;
      break;
    }
    if (taken) continue;
    const u = units[i]!;
    if (!u.char) return null;
    // Characters that begin no word stay one run, as typed.
    if (leftover) out[out.length - 1] += u.char;
    else out.push(u.char);
    leftover = true;
    i++;
  }
  return out.length ? out : null;
}

/** Covers a syllable sequence with lexicon words; null when less than all of it is covered. */
export function wordsFromSyllables(syllables: string[], lex: Lexicon): string[] | null {
  return readUnits(syllables.map((syllable) => ({ syllable })), lex);
}

/** An initials query naming one lexicon word clearly ("ydjy" → 异地就医), else null. */
export function wordFromInitials(letters: string, lex: Lexicon): string | null {
  const units = [...letters].map((initial) => ({ initial }));
  const cands = wordsAt(units, 0, lex)[0];
  return cands && [...cands[0]!.word].length === units.length ? (unambiguous(cands, units)?.word ?? null) : null;
}

/**
 * Replaces runs of characters that sound like a lexicon word but are not that word. Longest runs first;
 * a run that is itself a lexicon word, or lies inside one found earlier, is left alone. A run is only
 * repaired when the repair keeps at least half of its characters, holds no stop word, is not a more
 * common word of general Chinese than the repair (起伏 is not a typo of 起付), and the repair is a
 * curated word or one the corpus uses at least MIN_REPAIR_FREQ times.
 */
export function correctHomophones(text: string, lex: Lexicon): { text: string; corrections: [string, string][] } {
  const corrections: [string, string][] = [];
  const chars = [...text];
  const done = new Array<boolean>(chars.length).fill(false);
  const isHan = (c: string) => /[\u4e00-\u9fff]/.test(c);
  // Syllables of each Han run read once, in context (polyphonic characters).
  const syl: (string | undefined)[] = new Array(chars.length);
  for (const m of text.matchAll(/[\u4e00-\u9fff]+/g)) {
    const start = [...text.slice(0, m.index)].length;
    toSyllables(m[0]).forEach((s, k) => (syl[start + k] = s));
  }
  for (let len = Math.min(lex.maxSyllables, chars.length); len >= 2; len--) {
    for (let i = 0; i + len <= chars.length; i++) {
      const span = chars.slice(i, i + len);
      if (!span.every(isHan) || done.slice(i, i + len).some(Boolean)) continue;
      const run = span.join("");
      if (lex.words.has(run)) {
        done.fill(true, i, i + len);
        continue;
      }
      if (span.some((c) => lex.stop.has(c))) continue;
      let node: Node | undefined = lex.root;
      for (let k = i; k < i + len && node; k++) node = node.next.get(syl[k]!);
      const general = lex.known.get(run) ?? 0;
      const e = node?.entries.find(
        (x) => (x.curated || x.freq >= MIN_REPAIR_FREQ) && general <= x.general && [...x.word].filter((c, k) => c === span[k]).length * 2 >= len,
      );
      if (!e) continue;
      corrections.push([run, e.word]);
      chars.splice(i, len, ...e.word);
      done.fill(true, i, i + len);
    }
  }
  return { text: chars.join(""), corrections };
}

/**
 * The query's words, the most telling first: with the "last" matching strategy Meilisearch drops words
 * from the end until something matches, so what goes last is given up first. Curated domain words
 * first, then the other corpus words, then single characters, then
 * words the content never uses (a typo not repaired, a word no article has: matching nothing, they
 * must not hold the others back). Words are read by longest match against the lexicon.
 */
export function orderWords(text: string, lex: Lexicon): string {
  const tokens: string[] = [];
  for (const part of text.split(/\s+/).filter(Boolean)) {
    const chars = [...part];
    for (let i = 0; i < chars.length; ) {
      if (!/[\u4e00-\u9fff]/.test(chars[i]!)) {
        let j = i;
        while (j < chars.length && !/[\u4e00-\u9fff]/.test(chars[j]!)) j++;
        tokens.push(chars.slice(i, j).join(""));
        i = j;
        continue;
      }
      let len = Math.min(lex.maxSyllables, chars.length - i);
      for (; len >= 2; len--) if (lex.words.has(chars.slice(i, i + len).join(""))) break;
      if (len >= 2) {
        tokens.push(chars.slice(i, i + len).join(""));
        i += len;
        continue;
      }
      // Characters that begin no word: one run up to the next word.
      let j = i + 1;
      while (j < chars.length && /[\u4e00-\u9fff]/.test(chars[j]!) && ![2, 3, 4].some((n) => lex.words.has(chars.slice(j, j + n).join("")))) j++;
      tokens.push(chars.slice(i, j).join(""));
      i = j;
    }
  }
  const rank = (t: string): number => {
    // Whom the question is about: answers rarely repeat 老人 or 小孩, and with the "last" strategy a
    // word that goes first must be matched by every result.
    if (lex.persons.has(t)) return 2.5;
    const e = lex.words.get(t);
    if (e?.curated) return 0;
    if (e) return 1;
    if ([...t].length === 1 || !/[\u4e00-\u9fff]/.test(t)) return 2;
    return 3;
  };
  const order = tokens.map((t, i) => ({ t, i, r: rank(t) }));
  // Within a rank the typed order stays: Meilisearch's proximity rule rewards documents that have the
  // words in that order ("申请条件"); sorting corpus words by rarity cost plain queries 0.05 nDCG@10.
  order.sort((a, b) => a.r - b.r || a.i - b.i);
  return order.map((x) => x.t).join(" ");
}

/**
 * The colloquial phrasings the planner must rewrite itself: those that normalisation would break
 * ("钱怎么报" loses its 怎么). Whole words (外地, 老人) are left to the engine's one-way synonyms, which
 * match either word; a rewrite would lose the one typed.
 */
export function colloquialRewrites(groups: { says: string[]; means: string[] }[]): Colloquial[] {
  return groups.flatMap((g) => g.says.filter((s) => normalizeQuery(s).text !== s).map((from) => ({ from, to: g.means[0]! })));
}

/** The lexicon search uses: the content's curated words and vocabulary, and the learned corpus words. */
export function searchLexicon(curated: Iterable<string>, vocabulary: { stopWords: string[]; colloquial: { says: string[]; means: string[]; person?: boolean }[] }, corpus?: CorpusWords): Lexicon {
  const persons = vocabulary.colloquial.filter((g) => g.person).flatMap((g) => g.says);
  return buildLexicon(curated, { corpus, stopWords: vocabulary.stopWords, colloquial: colloquialRewrites(vocabulary.colloquial), persons });
}
