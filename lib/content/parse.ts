// Parses one question file into an Article, or into errors that name the file, line and field.
// Pure: the caller reads files; this module only sees text.
import { LineCounter, parse as parseYaml, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import { type Article, type Answer, answerSchema, frontmatterSchema } from "./schema.ts";

export type ContentIssue = { file: string; line?: number; field?: string; message: string };
export type ParseResult =
  | { ok: true; article: Article; warnings: ContentIssue[] }
  | { ok: false; errors: ContentIssue[]; warnings: ContentIssue[] };

export type ParseContext = {
  /** Advisor ids from content/advisors. */
  advisors: ReadonlySet<string>;
  /** Topic alias → canonical topic name, and the set of known names. */
  topicAliases?: ReadonlyMap<string, string>;
  knownTopics?: ReadonlySet<string>;
};

const OPEN_ANSWER = /^:::answer\{(.*)\}\s*$/;
const OPEN_OTHER = /^:::+[a-zA-Z][\w-]*/;
const CLOSE = /^:::+\s*$/;
const FENCE = /^(```|~~~)/;

export function slugFromPath(relPath: string): string {
  return relPath.replace(/\\/g, "/").split("/").pop()!.replace(/\.md$/i, "");
}

export function parseQuestion(file: string, text: string, ctx: ParseContext): ParseResult {
  const errors: ContentIssue[] = [];
  const warnings: ContentIssue[] = [];
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
    raw = parseYaml(yamlText) ?? {};
  } catch {
    const { doc, fileLine } = locate();
    for (const e of doc.errors) errors.push({ file, line: fileLine(e.pos[0]), message: `YAML: ${e.message.split("\n")[0]}` });
    return { ok: false, errors, warnings };
  }
  if (typeof raw !== "object" || Array.isArray(raw)) {
    return { ok: false, errors: [{ file, line: 2, message: "frontmatter must be a mapping of fields" }], warnings };
  }
  if (raw.slug === undefined) raw.slug = slugFromPath(file);
  const parsed = frontmatterSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors.push(issueAt(file, locate().doc, locate().fileLine, issue));
    return { ok: false, errors, warnings };
  }
  const front = parsed.data;

  const bodyStartLine = src.slice(0, fm[0].length).split("\n").length - (fm[0].endsWith("\n") ? 1 : 0);
  const answers = scanAnswers(file, src.slice(fm[0].length), bodyStartLine, ctx, errors);

  if (front.status === "published" && answers.length === 0 && errors.length === 0) {
    errors.push({ file, field: "status", line: lineAt(["status"]), message: "a published question needs at least one :::answer block (use status: unanswered otherwise)" });
  }
  if (front.status === "unanswered" && answers.length > 0) {
    errors.push({ file, field: "status", line: lineAt(["status"]), message: "an unanswered question must not have answers (set status: published)" });
  }
  front.citations.forEach((c, i) => {
    if (c.answer !== undefined && c.answer > answers.length) {
      errors.push({ file, field: `citations[${i}].answer`, line: lineAt(["citations", i, "answer"]), message: `refers to answer ${c.answer}, but the file has ${answers.length}` });
    }
  });
  if (front.related.includes(front.slug!)) {
    warnings.push({ file, field: "related", message: "lists the article itself; ignored" });
    front.related = front.related.filter((s) => s !== front.slug);
  }

  const topics = normaliseTopics(front.topics, ctx, (label) =>
    warnings.push({ file, field: "topics", line: lineAt(["topics"]), message: `unknown topic "${label}" (not in content/topics.yaml); kept as written` }),
  );

  if (errors.length) return { ok: false, errors, warnings };
  return { ok: true, article: { ...front, slug: front.slug!, topics, answers }, warnings };
}

function normaliseTopics(labels: string[], ctx: ParseContext, unknown: (label: string) => void): string[] {
  const out: string[] = [];
  for (const label of labels) {
    const name = ctx.topicAliases?.get(label) ?? label;
    if (ctx.knownTopics && !ctx.knownTopics.has(name)) unknown(label);
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

function scanAnswers(file: string, body: string, firstLine: number, ctx: ParseContext, errors: ContentIssue[]): Answer[] {
  const answers: Answer[] = [];
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
          } else if (!ctx.advisors.has(parsed.data.advisor)) {
            errors.push({ file, line: open.line, field: "answer.advisor", message: `unknown advisor "${parsed.data.advisor}": add content/advisors/${parsed.data.advisor}.yaml` });
          } else {
            answers.push(parsed.data);
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
  return answers;
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

function issueAt(file: string, doc: Document, fileLine: (o: number) => number, issue: z.core.$ZodIssue): ContentIssue {
  const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
  const field = path.map((p) => (typeof p === "number" ? `[${p}]` : p)).join(".").replace(/\.\[/g, "[");
  let message = issue.message;
  if (issue.code === "unrecognized_keys") message = `unknown field(s): ${issue.keys.join(", ")}`;
  if (issue.code === "invalid_type" && issue.input === undefined) message = "is required";
  return { file, line: lineOf(doc, fileLine, path), field: field || undefined, message };
}

export function formatIssue(i: ContentIssue): string {
  return `${i.file}${i.line ? `:${i.line}` : ""}${i.field ? ` [${i.field}]` : ""}: ${i.message}`;
}
