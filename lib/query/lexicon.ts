// The domain lexicon (vocabulary terms, synonym words, topic names) read by sound. It turns pinyin and
// initials into Chinese words ("yibaoma" → 医保码, "ydjy" → 异地就医) and repairs homophone typos
// ("门诊通筹" → 门诊统筹, "报消" → 报销). Pure.
import { toSyllables } from "./pinyin.ts";

export type Lexicon = {
  words: Set<string>;
  /** "men zhen tong chou" → 门诊统筹 (the first word listed wins on shared sounds). */
  bySound: Map<string, string>;
  /** "mztc" → 门诊统筹, only for initials that name one word. */
  byInitials: Map<string, string>;
  maxSyllables: number;
};

export function buildLexicon(words: Iterable<string>): Lexicon {
  const set = new Set<string>();
  const bySound = new Map<string, string>();
  const initialsCount = new Map<string, number>();
  const byInitials = new Map<string, string>();
  let maxSyllables = 1;
  for (const w of words) {
    if (!/^[\u4e00-\u9fff]{2,8}$/.test(w) || set.has(w)) continue;
    set.add(w);
    const syl = toSyllables(w);
    maxSyllables = Math.max(maxSyllables, syl.length);
    const sound = syl.join(" ");
    if (!bySound.has(sound)) bySound.set(sound, w);
    const initials = syl.map((s) => s[0]).join("");
    initialsCount.set(initials, (initialsCount.get(initials) ?? 0) + 1);
    if (!byInitials.has(initials)) byInitials.set(initials, w);
  }
  for (const [k, n] of initialsCount) if (n > 1 || k.length < 3) byInitials.delete(k);
  return { words: set, bySound, byInitials, maxSyllables };
}

/**
 * Replaces runs of characters that sound like a lexicon word but are not that word. Longest runs first;
 * a run that is itself a lexicon word, or lies inside one found earlier, is left alone.
 */
export function correctHomophones(text: string, lex: Lexicon): { text: string; corrections: [string, string][] } {
  const corrections: [string, string][] = [];
  const chars = [...text];
  const done = new Array<boolean>(chars.length).fill(false);
  const isHan = (c: string) => /[\u4e00-\u9fff]/.test(c);
  for (let len = Math.min(lex.maxSyllables, chars.length); len >= 2; len--) {
    for (let i = 0; i + len <= chars.length; i++) {
      const span = chars.slice(i, i + len);
      if (!span.every(isHan) || done.slice(i, i + len).some(Boolean)) continue;
      const run = span.join("");
      if (lex.words.has(run)) {
        done.fill(true, i, i + len);
        continue;
      }
      const word = lex.bySound.get(toSyllables(run).join(" "));
      if (!word) continue;
      corrections.push([run, word]);
      chars.splice(i, len, ...word);
      done.fill(true, i, i + len);
    }
  }
  return { text: chars.join(""), corrections };
}

/** Covers a syllable sequence with lexicon words, longest first; null when less than all of it is covered. */
export function wordsFromSyllables(syllables: string[], lex: Lexicon): string[] | null {
  const out: string[] = [];
  for (let i = 0; i < syllables.length; ) {
    let found = false;
    for (let len = Math.min(lex.maxSyllables, syllables.length - i); len >= 2; len--) {
      const w = lex.bySound.get(syllables.slice(i, i + len).join(" "));
      if (w) {
        out.push(w);
        i += len;
        found = true;
        break;
      }
    }
    if (!found) return null;
  }
  return out.length ? out : null;
}

/** An initials query naming exactly one lexicon word ("ydjy" → 异地就医), else null. */
export function wordFromInitials(letters: string, lex: Lexicon): string | null {
  return lex.byInitials.get(letters) ?? null;
}

/**
 * Domain words first, the rest after: with the "last" matching strategy Meilisearch drops query words
 * from the end when nothing matches them all, so generic words (老人, 钱, 在) go before domain terms do.
 */
export function domainWordsFirst(text: string, lex: Lexicon): string {
  const found: string[] = [];
  let rest = text;
  for (let len = lex.maxSyllables; len >= 2; len--) {
    for (let i = 0; i + len <= rest.length; i++) {
      const w = rest.slice(i, i + len);
      if (lex.words.has(w)) {
        found.push(w);
        rest = `${rest.slice(0, i)} ${rest.slice(i + len)}`;
        i = -1;
      }
    }
  }
  if (!found.length) return text;
  const order = (w: string) => text.indexOf(w);
  return [...found.sort((a, b) => order(a) - order(b)), ...rest.split(/\s+/).filter(Boolean)].join(" ");
}
