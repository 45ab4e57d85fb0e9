// Parses one question file into an Article, or into errors that name the file, line and field. The
// file format's own rules (frontmatter, :::answer blocks) are checked here; the rules every article
// obeys, whichever channel it comes from, are lib/articles/validate.ts. Pure: this module only sees text.
import { LineCounter, parse as parseYaml, parseDocument, visit, type Document } from "yaml";
import type { z } from "zod";
import { type ArticleIssue, MAX_ARTICLE_BYTES, validateArticle, type ValidationContext } from "../articles/validate.ts";
import { formatBytes, utf8Bytes } from "../markdown/limits.ts";
import { type Answer, answerSchema, type Article, type ContentIssue, frontmatterSchema } from "../domain/schema.ts";

export { type ContentIssue, formatIssue } from "../domain/schema.ts";

export type ParseResult =
  | { ok: true; article: Article; warnings: ContentIssue[] }
  | { ok: false; errors: ContentIssue[]; warnings: ContentIssue[] };

export type ParseContext = ValidationContext;

const OPEN_ANSWER = /^:::answer\{(.*)\}\s*$/;
const OPEN_OTHER = /^:::+[a-zA-Z][\w-]*/;
const CLOSE = /^:::+\s*$/;
const FENCE = /^(```|~~~)/;
/**
 * Aliases a frontmatter may expand. A handful is plenty for hand-written fields; the limit is what stops
 * a "billion laughs" file (nested aliases that expand exponentially) from exhausting memory.
 */
export const MAX_YAML_ALIASES = 20;
/** A file larger than any valid article can be (the article limit plus room for its fields and markup). */
export const MAX_FILE_BYTES = MAX_ARTICLE_BYTES + 64 * 1024;

export function slugFromPath(relPath: string): string {
  return relPath.replace(/\\/g, "/").split("/").pop()!.replace(/\.md$/i, "");
}

export function parseQuestion(file: string, text: string, ctx: ParseContext): ParseResult {
  const errors: ContentIssue[] = [];
  const warnings: ContentIssue[] = [];
  // Refused before YAML or Markdown sees it: both parsers take seconds on megabytes.
  const bytes = utf8Bytes(text);
  if (bytes > MAX_FILE_BYTES) {
    return { ok: false, errors: [{ file, line: 1, message: `the file is ${formatBytes(bytes)}; a question file may be at most ${formatBytes(MAX_FILE_BYTES)}` }], warnings };
  }
  const src = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");

  const fm = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(src);
  if (!fm) {
    return { ok: false, errors: [{ file, line: 1, message: "missing YAML frontmatter: the file must start with a line '---', the fields, then '---'" }], warnings };
  }
  const yamlText = fm[1]!;
  // The fast path parses plain YAML; the source map (for line numbers) is built only to report errors.
  let located: { doc: Document; fileLine: (offset: number) => number } | undefined;
  const locate = () => {
    if (!located) {
      const lineCounter = new LineCounter();
      const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
      // Frontmatter line 1 is file line 2 (after the opening ---).
      located = { doc, fileLine: (offset) => lineCounter.linePos(offset).line + 1 };
    }
    return located;
  };
  const lineAt = (path: (string | number)[]) => lineOf(locate().doc, locate().fileLine, path);

  let raw: Record<string, unknown>;
  try {
    raw = parseYaml(yamlText, { maxAliasCount: MAX_YAML_ALIASES }) ?? {};
  } catch (thrown) {
    const { doc, fileLine } = locate();
    for (const e of doc.errors) errors.push({ file, line: fileLine(e.pos[0]), message: `YAML: ${e.message.split("\n")[0]}` });
    // Syntax is fine but resolving failed (too many aliases, an alias before its anchor): the document
    // has no errors of its own, and a file with no error reported would be dropped without a word.
    if (!errors.length) errors.push({ file, line: firstAliasLine(doc, fileLine), message: `YAML: ${aliasMessage(thrown)}` });
    return { ok: false, errors, warnings };
  }
  if (typeof raw !== "object" || Array.isArray(raw)) {
    return { ok: false, errors: [{ file, line: 2, message: "frontmatter must be a mapping of fields" }], warnings };
  }
  if (raw.slug === undefined) raw.slug = slugFromPath(file);
  const parsed = frontmatterSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors.push(issueAt(file, locate().doc, locate().fileLine, issue, raw));
    return { ok: false, errors, warnings };
  }
  const front = parsed.data;

  const bodyStartLine = src.slice(0, fm[0].length).split("\n").length - (fm[0].endsWith("\n") ? 1 : 0);
  const scanned = scanAnswers(file, src.slice(fm[0].length), bodyStartLine, errors);
  const at = (i: ArticleIssue): ContentIssue => ({
    file,
    field: i.path[0] === "answers" ? `answer.${i.path.slice(2).join(".")}` : fieldName(i.path),
    line:
      i.path[0] !== "answers"
        ? lineAt(i.path)
        : i.line !== undefined && i.path[2] === "body"
          ? scanned.bodyLines[i.path[1] as number]! + i.line - 1
          : scanned.lines[i.path[1] as number],
    message: i.message,
  });
  const v = validateArticle({ ...front, slug: front.slug!, answers: scanned.answers }, ctx);
  warnings.push(...v.warnings.map(at));
  // An answer block that failed to parse would also make "needs an answer" fire: report the block only.
  if (!v.ok) errors.push(...v.errors.filter((e) => !(errors.length && e.path[0] === "status")).map(at));
  if (errors.length || !v.ok) return { ok: false, errors: errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)), warnings };
  return { ok: true, article: v.article, warnings };
}

function fieldName(path: (string | number)[]): string | undefined {
  return path.map((p) => (typeof p === "number" ? `[${p}]` : p)).join(".").replace(/\.\[/g, "[") || undefined;
}

/** The :::answer blocks of a body, with the line each starts on and the line its (trimmed) text starts on. */
function scanAnswers(file: string, body: string, firstLine: number, errors: ContentIssue[]): { answers: Answer[]; lines: number[]; bodyLines: number[] } {
  const answers: Answer[] = [];
  const starts: number[] = [];
  const bodyStarts: number[] = [];
  const lines = body.split("\n");
  let open: { line: number; attrs: Record<string, string>; body: string[] } | null = null;
  let depth = 0; // nested directive containers inside an answer
  let fence: string | null = null;

  lines.forEach((text, i) => {
    const line = firstLine + i + 1;
    if (open) {
      if (fence) {
        if (text.startsWith(fence)) fence = null;
        open.body.push(text);
        return;
      }
      const f = FENCE.exec(text);
      if (f) fence = f[1]!;
      else if (OPEN_OTHER.test(text) && !OPEN_ANSWER.test(text)) depth++;
      else if (CLOSE.test(text)) {
        if (depth > 0) depth--;
        else {
          const candidate = { advisor: open.attrs.advisor, date: open.attrs.date, body: open.body.join("\n") };
          const parsed = answerSchema.safeParse(candidate);
          if (!parsed.success) {
            for (const issue of parsed.error.issues) {
              errors.push({ file, line: open.line, field: `answer.${issue.path.join(".")}`, message: issue.message });
            }
          } else {
            answers.push(parsed.data);
            starts.push(open.line);
            // The schema trims the body: its first line is the block's first non-blank one.
            bodyStarts.push(open.line + 1 + Math.max(0, open.body.findIndex((l) => l.trim() !== "")));
          }
          open = null;
          return;
        }
      } else if (OPEN_ANSWER.test(text)) {
        errors.push({ file, line, message: "an :::answer block cannot start inside another answer; close the previous one with ':::'" });
      }
      open.body.push(text);
      return;
    }
    const m = OPEN_ANSWER.exec(text);
    if (m) {
      open = { line, attrs: parseAttributes(m[1]!), body: [] };
      depth = 0;
    } else if (text.trim() !== "") {
      errors.push({ file, line, message: "text outside an :::answer{advisor=\"…\" date=\"…\"} block; every answer needs an author" });
    }
  });
  if (open) errors.push({ file, line: (open as { line: number }).line, message: "this :::answer block is never closed with a line ':::'" });
  return { answers, lines: starts, bodyLines: bodyStarts };
}

function parseAttributes(src: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of src.matchAll(/([a-zA-Z][\w-]*)\s*=\s*"([^"]*)"/g)) attrs[m[1]!] = m[2]!;
  return attrs;
}

function lineOf(doc: Document, fileLine: (o: number) => number, path: (string | number)[]): number | undefined {
  // Walk up the path until a node with a source range is found (missing fields point at their parent).
  for (let p = path; p.length > 0; p = p.slice(0, -1)) {
    const node = doc.getIn(p, true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return fileLine(node.range[0]);
    const pair = p.length === 1 ? doc.contents : null;
    if (pair && "items" in pair) {
      const item = (pair.items as { key: { value?: unknown; range?: [number, number, number] } }[]).find((it) => it.key?.value === p[0]);
      if (item?.key?.range) return fileLine(item.key.range[0]);
    }
  }
  return 2;
}

function firstAliasLine(doc: Document, fileLine: (o: number) => number): number {
  let line = 2;
  visit(doc, {
    Alias(_, node) {
      if (node.range) line = fileLine(node.range[0]);
      return visit.BREAK;
    },
  });
  return line;
}

function aliasMessage(thrown: unknown): string {
  const text = thrown instanceof Error ? thrown.message.split("\n")[0]! : String(thrown);
  return /excessive alias count/i.test(text)
    ? `too many aliases (*name) to expand (at most ${MAX_YAML_ALIASES}); write the values out instead`
    : text;
}

/** The value at a path of the raw frontmatter, and whether anything is there at all. */
function valueAt(raw: unknown, path: (string | number)[]): { present: boolean; value?: unknown } {
  let value = raw;
  for (const key of path) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return { present: false };
    value = (value as Record<string | number, unknown>)[key];
  }
  return { present: value !== undefined && value !== null, value };
}

const TYPE_NAMES: Record<string, string> = { string: "text", number: "a number", boolean: "true or false", array: "a list", object: "a mapping of fields", date: "a date" };

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return "a date";
  if (typeof value === "object") return "a mapping of fields";
  if (typeof value === "string") return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `the ${typeof value === "number" ? "number" : typeof value} ${String(value)}`;
}

function issueAt(file: string, doc: Document, fileLine: (o: number) => number, issue: z.core.$ZodIssue, raw: unknown): ContentIssue {
  const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
  const field = path.map((p) => (typeof p === "number" ? `[${p}]` : p)).join(".").replace(/\.\[/g, "[");
  let message = issue.message;
  if (issue.code === "unrecognized_keys") message = `unknown field(s): ${issue.keys.join(", ")}`;
  if (issue.code === "invalid_type") {
    // zod 4 leaves `input` out of its issues, so whether the field is missing is read from the YAML.
    const found = valueAt(raw, path);
    if (!found.present) message = "is required";
    else {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      message = `must be ${expected}, but is ${describeValue(found.value)}`;
      // YAML reads 520500 and 2025-01-02 unquoted as a number and a date: the fix is the quotes.
      if (issue.expected === "string" && (typeof found.value === "number" || found.value instanceof Date || typeof found.value === "boolean")) {
        const quoted = `"${found.value instanceof Date ? found.value.toISOString().slice(0, 10) : String(found.value)}"`;
        const last = path[path.length - 1];
        message += `; put it in quotes, e.g. ${typeof last === "string" ? `${last}: ${quoted}` : quoted}`;
      }
    }
  }
  return { file, line: lineOf(doc, fileLine, path), field: field || undefined, message };
}
