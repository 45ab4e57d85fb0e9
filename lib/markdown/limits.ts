// How big and how deeply nested an answer's Markdown may be. The Markdown parser (micromark) recurses
// into nested structures and is quadratic in several of them: 2,000 nested blockquotes overflow the
// stack, a list nested 2,000 deep took minutes, 10,000 one-line quotes take half a minute, and a
// paragraph of 50,000 `]` as long. Articles are checked against these limits when they are saved
// (lib/articles/validate.ts, both channels) and the renderer checks again before parsing (render.ts),
// so content stored before a limit existed is shown as text, never handed to the parser.
//
// The check is one linear pass that counts instead of parsing: it must cost far less than the parse it
// protects, and it must never see less than the parser will. Where it cannot tell (a `]` inside a code
// span, a `*` in a URL) it counts, so it can only over-estimate. Pure: no framework imports.

export const MARKDOWN_LIMITS = {
  /** UTF-8 bytes of one answer (the largest answer in content/ is under 3 KB). */
  maxBytes: 200 * 1024,
  /** Lines of one answer: the parser's cost follows the number of lines and blocks more than bytes. */
  maxLines: 1_000,
  /** Lists, quotes and ::: blocks inside each other. */
  maxNesting: 16,
  /** List items and quote lines: the parser is quadratic in their number. */
  maxContainers: 500,
  /** `[` and `]` (links, images): each link costs the parser as much as a kilobyte of prose. */
  maxBrackets: 1_000,
  /** Emphasis characters `*` `_` `~` (bold, italics, strikethrough), matched pairwise per paragraph. */
  maxEmphasis: 1_000,
  /** Backticks (code spans). */
  maxBackticks: 1_000,
  /**
   * Characters that may start a directive, autolink, tag or entity (`:` `@` `<` `&`, and `www.`): the
   * parser tries each one, and 200 KB of "比例:50%" took seconds.
   */
  maxInlineMarks: 2_000,
  /** `|` in the whole answer (table cells), and cells in one table row. */
  maxPipes: 2_000,
  maxTableColumns: 64,
} as const;

export type MarkdownLimits = { readonly [K in keyof typeof MARKDOWN_LIMITS]: number };

/** The first limit a text exceeds, with the 1-based line (within the text) where it does. */
export type MarkdownLimitIssue = { line: number; message: string };

/** UTF-8 length without encoding the string (it may be megabytes). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

const THEMATIC_BREAK = /^[ \t>]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const ORDERED_MARKER = /^\d{1,9}[.)]/;
const DIRECTIVE_CONTAINER = /^:{3,}[a-zA-Z]/;

/**
 * The containers at the start of a line: every `>` and list marker is one level, and every two columns
 * of indentation one more (a list item nested on a later line sits at least two columns past its
 * parent's marker, so indentation never hides a level). The one space that belongs to a marker is not
 * indentation. Lazy continuation lines open no container, so they never reach a depth that an earlier
 * line did not already show.
 */
function lineContainers(line: string, listMarkers = true): { depth: number; markers: number; rest: number } {
  let markers = 0;
  let columns = 0;
  let i = 0;
  const marker = (width: number) => {
    markers++;
    i += width;
    if (line[i] === " ") i++;
  };
  for (;;) {
    const c = line[i];
    const next = line[i + 1];
    if (c === " ") {
      columns += 1;
      i++;
    } else if (c === "\t") {
      columns += 4;
      i++;
    } else if (c === ">") marker(1);
    else if (!listMarkers) break;
    else if ((c === "-" || c === "*" || c === "+") && (next === undefined || next === " " || next === "\t")) marker(1);
    else if (c !== undefined && c >= "0" && c <= "9") {
      const m = ORDERED_MARKER.exec(line.slice(i, i + 10));
      const after = m ? line[i + m[0].length] : undefined;
      if (!m || (after !== undefined && after !== " " && after !== "\t")) break;
      marker(m[0].length);
    } else break;
  }
  return { depth: markers + Math.floor(columns / 2), markers, rest: i };
}

function count(line: string, from: number, chars: string): number {
  let n = 0;
  for (let i = from; i < line.length; i++) if (chars.includes(line[i]!)) n++;
  return n;
}

function occurrences(line: string, word: string): number {
  let n = 0;
  for (let i = line.indexOf(word); i >= 0; i = line.indexOf(word, i + word.length)) n++;
  return n;
}

/** Checks one answer's Markdown; null when it is within every limit. Linear in the text's length. */
export function checkMarkdownLimits(md: string, limits: MarkdownLimits = MARKDOWN_LIMITS): MarkdownLimitIssue | null {
  // UTF-16 length first: UTF-8 is never shorter, and a 5 MB text need not be measured to be refused.
  if (md.length > limits.maxBytes || utf8Bytes(md) > limits.maxBytes) {
    return { line: 1, message: `is ${formatBytes(utf8Bytes(md))}; an answer may be at most ${formatBytes(limits.maxBytes)}` };
  }
  const totals = { containers: 0, brackets: 0, emphasis: 0, backticks: 0, inlineMarks: 0, pipes: 0 };
  const over = (what: keyof typeof totals, limit: number, n: number) => (totals[what] += n) > limit;
  let directives = 0; // ::: blocks opened so far; closings are not trusted (one inside code closes nothing)
  let lineNo = 0;
  for (let start = 0; start <= md.length; ) {
    const end = md.indexOf("\n", start);
    const line = md.slice(start, end < 0 ? md.length : end);
    start = end < 0 ? md.length + 1 : end + 1;
    lineNo++;
    const at = (message: string): MarkdownLimitIssue => ({ line: lineNo, message });
    if (lineNo > limits.maxLines) return at(`has more than ${limits.maxLines} lines; split it into several answers or articles`);
    if (line.trim() === "") continue;
    // "- - -", "> ***": a rule (inside its quotes), not lists or emphasis.
    const rule = THEMATIC_BREAK.test(line);
    const c = lineContainers(line, !rule);
    if (rule) {
      if (c.depth + directives > limits.maxNesting) return at(`nests lists, quotes and ::: blocks more than ${limits.maxNesting} levels deep`);
      continue;
    }
    if (DIRECTIVE_CONTAINER.test(line.slice(c.rest))) directives++;
    if (c.depth + directives > limits.maxNesting) return at(`nests lists, quotes and ::: blocks more than ${limits.maxNesting} levels deep`);
    if (over("containers", limits.maxContainers, c.markers)) return at(`has more than ${limits.maxContainers} list items and quote lines`);
    if (over("brackets", limits.maxBrackets, count(line, c.rest, "[]"))) return at(`has more than ${limits.maxBrackets} brackets [ ]`);
    if (over("emphasis", limits.maxEmphasis, count(line, c.rest, "*_~"))) return at(`has more than ${limits.maxEmphasis} emphasis marks * _ ~`);
    if (over("backticks", limits.maxBackticks, count(line, c.rest, "`"))) return at(`has more than ${limits.maxBackticks} backticks \``);
    if (over("inlineMarks", limits.maxInlineMarks, count(line, c.rest, ":@<&") + occurrences(line, "www."))) {
      return at(`has more than ${limits.maxInlineMarks} of : @ < & and www. (each may start a directive, link or tag)`);
    }
    const pipes = count(line, c.rest, "|");
    if (pipes > limits.maxTableColumns + 1) return at(`has a table row with more than ${limits.maxTableColumns} columns`);
    if (over("pipes", limits.maxPipes, pipes)) return at(`has more than ${limits.maxPipes} table cells |`);
  }
  return null;
}
