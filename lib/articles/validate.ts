// The rules an article must satisfy beyond its schema, for every channel: content files (lib/content
// reports them with file and line) and the web app (with the field). One place, so a file and a form
// can never disagree about what is valid.
import type { Article } from "../domain/schema.ts";
import { answersRule } from "../domain/visibility.ts";
import { checkMarkdownLimits, formatBytes, MARKDOWN_LIMITS, utf8Bytes } from "../markdown/limits.ts";

/**
 * A whole article (question and every answer): answers each within their own limit can still add up
 * to a page of tens of megabytes (a 5 MB article made a 23 MB page).
 */
export const MAX_ARTICLE_BYTES = 512 * 1024;

export type ValidationContext = {
  /** Advisor ids answers may name. */
  advisors: ReadonlySet<string>;
  /** Topic alias → canonical topic name, and the set of known names. */
  topicAliases?: ReadonlyMap<string, string>;
  knownTopics?: ReadonlySet<string>;
};

/** `line`: 1-based line within the field's text, when the rule points at one (a Markdown limit). */
export type ArticleIssue = { path: (string | number)[]; message: string; line?: number };

export type Validation =
  | { ok: true; article: Article; warnings: ArticleIssue[] }
  | { ok: false; errors: ArticleIssue[]; warnings: ArticleIssue[] };

export function validateArticle(input: Article, ctx: ValidationContext): Validation {
  const errors: ArticleIssue[] = [];
  const warnings: ArticleIssue[] = [];
  const answers = input.answers.length;

  input.answers.forEach((a, i) => {
    if (!ctx.advisors.has(a.advisor)) {
      errors.push({ path: ["answers", i, "advisor"], message: `unknown advisor "${a.advisor}": add content/advisors/${a.advisor}.yaml` });
    }
  });
  // Size and nesting, before anything renders or indexes the text: the Markdown parser is recursive
  // and quadratic in places, so these limits are what keep one article from stalling every request.
  let total = input.question ? utf8Bytes(input.question) : 0;
  if (total > MARKDOWN_LIMITS.maxBytes) {
    errors.push({ path: ["question"], message: `is ${formatBytes(total)}; the question may be at most ${formatBytes(MARKDOWN_LIMITS.maxBytes)}` });
  }
  let totalReported = false;
  input.answers.forEach((a, i) => {
    const limit = checkMarkdownLimits(a.body);
    if (limit) errors.push({ path: ["answers", i, "body"], message: `answer ${i + 1} ${limit.message}`, line: limit.line });
    total += utf8Bytes(a.body);
    if (total > MAX_ARTICLE_BYTES && !limit && !totalReported) {
      totalReported = true;
      errors.push({ path: ["answers", i, "body"], message: `the article reaches ${formatBytes(total)} with answer ${i + 1}; a whole article may be at most ${formatBytes(MAX_ARTICLE_BYTES)}` });
    }
  });
  const rule = answersRule(input.status);
  if (rule === true && answers === 0) {
    errors.push({ path: ["status"], message: "a published question needs at least one answer (use status: unanswered otherwise)" });
  }
  if (rule === false && answers > 0) {
    errors.push({ path: ["status"], message: `a question that is ${input.status} must not have answers (set status: published)` });
  }
  input.citations.forEach((c, i) => {
    if (c.answer !== undefined && c.answer > answers) {
      errors.push({ path: ["citations", i, "answer"], message: `refers to answer ${c.answer}, but the article has ${answers}` });
    }
  });

  let related = input.related;
  if (related.includes(input.slug)) {
    warnings.push({ path: ["related"], message: "lists the article itself; ignored" });
    related = related.filter((s) => s !== input.slug);
  }
  const topics: string[] = [];
  for (const label of input.topics) {
    const name = ctx.topicAliases?.get(label) ?? label;
    if (ctx.knownTopics && !ctx.knownTopics.has(name)) {
      warnings.push({ path: ["topics"], message: `unknown topic "${label}" (not in content/topics.yaml); kept as written` });
    }
    if (!topics.includes(name)) topics.push(name);
  }

  if (errors.length) return { ok: false, errors, warnings };
  return { ok: true, article: { ...input, related: [...new Set(related)], topics }, warnings };
}
