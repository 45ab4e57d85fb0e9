// Pinyin for the search index and for reading pinyin queries. Pure (pinyin-pro only).
import { pinyin } from "pinyin-pro";

let syllables: Set<string> | undefined;
/** Every toneless syllable pinyin-pro knows (≈ 400), derived once from the CJK block. */
function validSyllables(): Set<string> {
  if (!syllables) {
    let all = "";
    for (let c = 0x4e00; c <= 0x9fa5; c++) all += String.fromCharCode(c);
    syllables = new Set(pinyin(all, { toneType: "none", type: "array", v: true }).filter((s) => /^[a-z]+$/.test(s)));
  }
  return syllables;
}

/** Toneless syllables of the Han characters in `text` (other characters are skipped). */
export function toSyllables(text: string): string[] {
  const han = text.replace(/[^\u4e00-\u9fff]/g, "");
  return han ? pinyin(han, { toneType: "none", type: "array", v: true }) : [];
}

/**
 * Splits a run of letters into pinyin syllables ("menzhentongchou" → men zhen tong chou), preferring
 * the longest syllable that still lets the rest split; null when it is not pinyin.
 */
export function splitSyllables(letters: string): string[] | null {
  const valid = validSyllables();
  const memo = new Map<number, string[] | null>();
  const from = (i: number): string[] | null => {
    if (i === letters.length) return [];
    if (memo.has(i)) return memo.get(i)!;
    let found: string[] | null = null;
    for (let len = Math.min(6, letters.length - i); len >= 1 && !found; len--) {
      const s = letters.slice(i, i + len);
      if (!valid.has(s)) continue;
      const rest = from(i + len);
      if (rest) found = [s, ...rest];
    }
    memo.set(i, found);
    return found;
  };
  return from(0);
}

/** Space-separated syllables of a text, for a pinyin search field ("men zhen tong chou"). */
export function pinyinField(text: string): string {
  return toSyllables(text).join(" ");
}

/**
 * Initials of every 3–4 syllable window, as tokens ("门诊统筹" → "mzt ztc mztc"), so that an initials
 * query such as "mztc" is an exact token match. Two letters say too little to search on, and every
 * token costs indexing time, so those are left out and the count is bounded.
 */
export function initialsField(text: string, maxTokens = 40): string {
  const out = new Set<string>();
  for (const part of text.split(/[^\u4e00-\u9fff]+/)) {
    const initials = toSyllables(part).map((s) => s[0]!);
    for (let n = 3; n <= 4; n++) {
      for (let i = 0; i + n <= initials.length; i++) out.add(initials.slice(i, i + n).join(""));
    }
  }
  return [...out].slice(0, maxTokens).join(" ");
}
