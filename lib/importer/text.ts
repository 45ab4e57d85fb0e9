// Text helpers shared by the shape parsers. Pure.

/** One source line: its text without trailing space, and its indentation in columns. */
export type Line = { text: string; indent: number };

const CJK = "\\u3400-\\u9fff\\uf900-\\ufaff";
const CJK_OR_PUNCT = `${CJK}\\u3000-\\u303f\\uff00-\\uffef”’》）】`;

/** BOM, CR/LF, no-break and ideographic spaces, trailing blanks. */
export function normaliseText(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u2002-\u200a\u202f\u205f]/g, " ")
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, "")
    .replace(/\t/g, "    ")
    .split("\n")
    .map((l) => l.replace(/\s+$/u, ""))
    .join("\n");
}

export function toLines(text: string): Line[] {
  return normaliseText(text)
    .split("\n")
    .map((raw) => {
      // The ideographic space counts as two columns of indentation.
      const lead = /^[ \u3000]*/.exec(raw)![0];
      const indent = [...lead].reduce((n, ch) => n + (ch === "\u3000" ? 2 : 1), 0);
      return { text: raw.slice(lead.length), indent };
    });
}

export const isBlank = (l: Line | undefined) => !l || l.text.trim() === "";

/**
 * Scraped pages often use ASCII punctuation inside Chinese text ("定点?", "比例:50%"). Turn it into the
 * full-width forms the project's own articles use, but only next to a Chinese character ("90%,二级" too),
 * so numbers ("1,000", "1.5"), list markers ("1."), times and Latin text stay as they are.
 */
export function fullWidthPunctuation(text: string): string {
  const map: Record<string, string> = { ",": "，", "?": "？", "!": "！", ";": "；", ":": "：" };
  return text
    .replace(new RegExp(`\\(([^()\\n]*[${CJK}][^()\\n]*)\\)`, "gu"), "（$1）")
    .replace(new RegExp(`(?<=[${CJK_OR_PUNCT}])[,?!;:]|(?<=[^\\d\\s])[,?!;:](?=[${CJK}])`, "gu"), (ch) => map[ch]!);
}

/** Title key for de-duplication: no whitespace, no trailing punctuation, ASCII folded to full width. */
export function titleKey(title: string): string {
  return fullWidthPunctuation(title).replace(/\s+/g, "").replace(/[？?！!。.，,：:；;]+$/u, "");
}

/** A line that ends a sentence or clause (not a heading or a title). */
export const ENDS_SENTENCE = /[。；;！!，,：:…]$/u;

/** Words that make a short line read as a question. */
export const QUESTION_WORDS =
  /(吗|呢|么|多少|多久|多长时间|何时|什么|哪些|哪个|哪家|哪里|哪儿|如何|怎么|怎样|咋|为何|为什么|为啥|是否|能否|可否|能不能|可不可以|会不会|有没有|要不要|需不需要|几[个年天次家种]|[?？]$)/u;

export function looksLikeQuestion(text: string): boolean {
  return QUESTION_WORDS.test(text);
}

/** Dates written YYYY-MM-DD (optionally with a time) on a line of their own. */
export const TIMESTAMP_LINE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/u;

export function isoDate(y: string, m: string, d: string): string | undefined {
  const iso = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  const t = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== iso) return undefined;
  return iso;
}

/** Chinese numerals up to 99 (一 … 九十九), for list markers such as "（三）". */
export function chineseNumber(s: string): number | undefined {
  const digits: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  if (/^\d+$/.test(s)) return Number(s);
  if (s === "十") return 10;
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/u.exec(s);
  if (!m || (!m[1] && !m[2] && !m[3])) return undefined;
  if (!m[2]) return m[3] ? undefined : digits[m[1]!];
  return (m[1] ? digits[m[1]]! : 1) * 10 + (m[3] ? digits[m[3]]! : 0);
}

/** Remove the common indentation of a block of lines. */
export function dedent(lines: Line[]): Line[] {
  const min = Math.min(...lines.filter((l) => !isBlank(l)).map((l) => l.indent));
  if (!Number.isFinite(min) || min === 0) return lines;
  return lines.map((l) => (isBlank(l) ? l : { ...l, indent: l.indent - min }));
}

/** Split lines into runs separated by blank lines. */
export function paragraphs(lines: Line[]): Line[][] {
  const out: Line[][] = [];
  let cur: Line[] = [];
  for (const l of lines) {
    if (isBlank(l)) {
      if (cur.length) out.push(cur);
      cur = [];
    } else cur.push(l);
  }
  if (cur.length) out.push(cur);
  return out;
}
