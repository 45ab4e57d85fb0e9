// What changed between the published answer and a submission, as a reviewer reads it: the text
// compared word by word (Chinese segmented with Intl.Segmenter, so a changed word is one change, not a
// run of characters), and citations and calculator embeds compared as data. Pure.
import { diffWords } from "diff";
import { markdownToPlain } from "../markdown/plain.ts";

export type TextPart = { kind: "same" | "added" | "removed"; text: string };

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

export function textDiff(before: string, after: string): TextPart[] {
  return diffWords(markdownToPlain(before), markdownToPlain(after), { intlSegmenter: segmenter }).map((c) => ({
    kind: c.added ? "added" : c.removed ? "removed" : "same",
    text: c.value,
  }));
}

type CitationLike = { title: string; article?: string; number?: string; quote?: string; url?: string };
const citationKey = (c: CitationLike) => `${c.title}|${c.article ?? ""}`;
const citationText = (c: CitationLike) => `《${c.title}》${c.article ?? ""}${c.number ? `（${c.number}）` : ""}`;

/** Citations added, removed, or kept with another number / quote / link. */
export function citationDiff(before: CitationLike[], after: CitationLike[]) {
  const old = new Map(before.map((c) => [citationKey(c), c]));
  const now = new Map(after.map((c) => [citationKey(c), c]));
  return {
    added: after.filter((c) => !old.has(citationKey(c))).map(citationText),
    removed: before.filter((c) => !now.has(citationKey(c))).map(citationText),
    changed: after
      .filter((c) => old.has(citationKey(c)) && JSON.stringify(old.get(citationKey(c))) !== JSON.stringify(c))
      .map(citationText),
  };
}

/** The calculator embeds of a body, by their attributes ("region=520500 year=2025 …"). */
export function calculatorEmbeds(body: string): string[] {
  return [...body.matchAll(/^::calculator\{([^}]*)\}\s*$/gm)].map((m) =>
    [...m[1]!.matchAll(/([a-zA-Z]+)\s*=\s*"([^"]*)"/g)].map(([, k, v]) => `${k}=${v}`).sort().join(" "),
  );
}

export function calculatorDiff(before: string, after: string) {
  const a = calculatorEmbeds(before);
  const b = calculatorEmbeds(after);
  return { added: b.filter((x) => !a.includes(x)), removed: a.filter((x) => !b.includes(x)) };
}
