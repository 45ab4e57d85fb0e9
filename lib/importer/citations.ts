// 法律依据: structured citations (《title》, 第…条, document number, short quote). Pure.
import { type Line, fullWidthPunctuation, isBlank } from "./text.ts";
import type { ExtractedCitation } from "./types.ts";

// "法律依据：" at the start of a line or right after a sentence, "【法律依据】", or the words alone on a line;
// not "…的法律依据是…" inside prose.
const MARKER = /(?:^|(?<=[。；;！!）)]\s*))【?法律依据(?:】\s*[:：]*|\s*[:：]+|\s*$)/u;
const BOOK_TITLE = /《([^《》\n]{2,80})》/gu;
const NUMERAL = "[一二三四五六七八九十百千零〇两\\d]+";
const ARTICLE = new RegExp(`^第${NUMERAL}条(?:之${NUMERAL})?(?:第${NUMERAL}款)?(?:第${NUMERAL}项)?`, "u");
// 医保发〔2022〕22号, 人社部发[2019]3号, 国务院令第735号, 中华人民共和国主席令第三十五号
const DOC_NUMBER = new RegExp(
  `([\\u4e00-\\u9fa5]{1,16}(?:〔|\\[|【|［)\\d{4}(?:〕|\\]|】|］)\\s*第?\\d+\\s*号|[\\u4e00-\\u9fa5]{1,16}令\\s*第${NUMERAL}号)`,
  "u",
);
// Titles of laws, regulations and policy documents (not forms such as 《…申报审批表》).
const LAW_TITLE = /(法|条例|办法|规定|通知|意见|决定|细则|规则|方案|解释|批复|公告|规范|纲要|指引|措施|暂行规定)$/u;
const INTRODUCER = /(依据|根据|按照|依照|参照|遵照|详见|见)[^《》。，,]{0,6}$/u;
const MAX_QUOTE = 300;

/**
 * Cut the 法律依据 passages out of an answer and turn them into citations. A passage runs to the end of
 * its line, and on over the following lines when it introduces an enumeration (ends with a colon), when
 * the next line cites another document (starts with 《), or when the marker stands alone on its line.
 */
export function extractLegalBasis(lines: Line[]): { lines: Line[]; citations: ExtractedCitation[] } {
  const kept: Line[] = [];
  const citations: ExtractedCitation[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = MARKER.exec(line.text);
    if (!m) {
      kept.push(line);
      continue;
    }
    const before = line.text.slice(0, m.index).trim();
    if (before) kept.push({ ...line, text: before });
    const parts = [line.text.slice(m.index + m[0].length).trim()];
    // The marker alone on its line heads a block that runs to the blank line.
    const block = parts[0] === "";
    const continues = (next: string) => block || /[:：]$/u.test(parts[parts.length - 1]!) || next.startsWith("《");
    while (i + 1 < lines.length && !isBlank(lines[i + 1]) && continues(lines[i + 1]!.text.trim())) {
      parts.push(lines[++i]!.text.trim());
      // An enumeration ((一) (二) …) and the sentence closing it belong to the quoted article.
      while (i + 1 < lines.length && !isBlank(lines[i + 1]) && /^[(（][一二三四五六七八九十\d]+[)）]/u.test(parts[parts.length - 1]!)) {
        parts.push(lines[++i]!.text.trim());
      }
    }
    citations.push(...parseCitationText(parts.join("")));
  }
  return { lines: kept, citations: dedupeCitations(citations) };
}

/** 《A》第X条 quote… 《B》(number) 第Y条 … → one citation per book title. */
export function parseCitationText(text: string): ExtractedCitation[] {
  const matches = [...text.matchAll(BOOK_TITLE)];
  return matches.map((m, k) => {
    const end = k + 1 < matches.length ? matches[k + 1]!.index : text.length;
    let rest = text.slice(m.index + m[0].length, end).trim();
    const c: ExtractedCitation = { title: m[1]!.trim() };
    const paren = /^[（(]([^）)]{2,40})[）)]\s*/u.exec(rest);
    if (paren && DOC_NUMBER.test(paren[1]!)) {
      c.number = DOC_NUMBER.exec(paren[1]!)![1]!.replace(/\s+/g, "");
      rest = rest.slice(paren[0].length);
    }
    const art = ARTICLE.exec(rest.replace(/^[\s，,：:]+/u, ""));
    if (art) {
      c.article = art[0];
      rest = rest.replace(/^[\s，,：:]+/u, "").slice(art[0].length);
    }
    if (!c.number) {
      const no = DOC_NUMBER.exec(rest.slice(0, 40));
      if (no && /^[\s（(]*$/u.test(rest.slice(0, no.index))) {
        c.number = no[1]!.replace(/\s+/g, "");
        rest = rest.slice(no.index + no[0].length).replace(/^[）)]/u, "");
      }
    }
    const quote = shortQuote(rest.replace(/^(?:中)?(?:明确)?(?:规定|指出|提到)?[\s，,：:]*/u, "").replace(/[\s，,；;、]+$/u, ""));
    if (quote) c.quote = quote;
    return c;
  });
}

/**
 * References to laws inside the answer's prose ("依据《…办法》", "《社会保险法》第三十条"). They stay in the
 * text; the citation only records them.
 */
export function findInlineCitations(text: string): ExtractedCitation[] {
  const out: ExtractedCitation[] = [];
  for (const m of text.matchAll(BOOK_TITLE)) {
    const title = m[1]!.trim();
    if (!LAW_TITLE.test(title)) continue;
    const after = text.slice(m.index + m[0].length).replace(/^[\s，,]+/u, "");
    const art = ARTICLE.exec(after);
    if (!art && !INTRODUCER.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    out.push(art ? { title, article: art[0] } : { title });
  }
  return dedupeCitations(out);
}

export function dedupeCitations(list: ExtractedCitation[]): ExtractedCitation[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const key = `${c.title}|${c.article ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function shortQuote(text: string): string | undefined {
  const t = fullWidthPunctuation(text.replace(/\s+/g, " ").trim());
  if ([...t].length < 4) return undefined;
  const chars = [...t];
  if (chars.length <= MAX_QUOTE) return t;
  // Cut at the last sentence end that fits; the full text is in the cited document.
  const head = chars.slice(0, MAX_QUOTE).join("");
  const cut = Math.max(head.lastIndexOf("。"), head.lastIndexOf("；"));
  return cut > 40 ? head.slice(0, cut + 1) : `${head}…`;
}
