// Query understanding: what a person typed → what we send to the search engine. Pure.
import * as OpenCC from "opencc-js/t2cn";
import { splitSyllables } from "./pinyin.ts";

export const MAX_QUERY_CHARS = 100;

const toSimplified = OpenCC.Converter({ from: "tw", to: "cn" });

// Question scaffolding that carries no search meaning, longest first. Removing it keeps the key terms
// within Meilisearch's first 10 query words. Single-character particles are stop words in the index.
const FILLERS = [
  "请问一下", "我想问一下", "想问一下", "我想问", "想咨询一下", "咨询一下", "请问", "麻烦问一下",
  "怎么办理", "怎么弄", "怎么办", "怎么样", "怎么", "怎样", "如何", "什么样的", "是什么", "是多少",
  "有没有", "是不是", "能不能", "可不可以", "可以吗", "行不行", "需不需要", "要不要", "吗", "呢", "啊", "吧", "呀", "哦",
];
const FILLER_RE = new RegExp(FILLERS.sort((a, b) => b.length - a.length).join("|"), "g");
// Keep letters, digits and Han; everything else (both widths of punctuation) separates words.
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

export type QueryKind = "empty" | "chinese" | "pinyin" | "initials" | "mixed";

export type NormalizedQuery = {
  /** Trimmed, width-normalised, simplified, length-limited: what the page shows as "your query". */
  display: string;
  /** What is sent to the engine: fillers removed, punctuation as spaces. */
  text: string;
  kind: QueryKind;
  /** For pinyin queries: syllables ("men zhen"); for initials: the letters ("mztc"). */
  pinyin?: string;
  /** True when traditional characters were converted. */
  converted: boolean;
};

// Private-use characters mean nothing to anyone else, and the search module uses two of them (U+E000,
// U+E001) as its highlight markers: they are removed from queries and from indexed text alike.
const PRIVATE_USE = /\p{Co}/gu;

export function stripPrivateUse(s: string): string {
  return s.replace(PRIVATE_USE, "");
}

export function normalizeQuery(raw: string): NormalizedQuery {
  const widened = stripPrivateUse(raw).normalize("NFKC").replace(/\s+/g, " ").trim().slice(0, MAX_QUERY_CHARS);
  const simplified = toSimplified(widened);
  const display = simplified.toLowerCase();
  const spaced = display.replace(SEPARATORS, " ").trim();
  const stripped = spaced.replace(FILLER_RE, " ").replace(/\s+/g, " ").trim();
  // A query made only of fillers ("怎么办") keeps its words rather than becoming empty.
  const text = stripped || spaced;
  const base = { display, text, converted: simplified !== widened };
  if (!text) return { ...base, kind: "empty" };
  if (/^[a-z ]+$/.test(text)) {
    const letters = text.replace(/ /g, "");
    const words = text.split(" ").map((w) => splitSyllables(w));
    if (words.every((w) => w) && letters.length >= 2) {
      const syllables = words.flat() as string[];
      // "ydjy": every "syllable" a single consonant is an initials query, not pinyin.
      if (syllables.length > 1 && syllables.every((s) => s.length === 1 || (s.length === 2 && /^[zcs]h$/.test(s)))) {
        return { ...base, kind: "initials", pinyin: letters };
      }
      return { ...base, kind: "pinyin", pinyin: syllables.join(" ") };
    }
    if (/^[bcdfghjklmnpqrstwxyz]{2,6}$/.test(letters)) return { ...base, kind: "initials", pinyin: letters };
    return { ...base, kind: "mixed" };
  }
  return { ...base, kind: /[a-z]/.test(text) ? "mixed" : "chinese" };
}
