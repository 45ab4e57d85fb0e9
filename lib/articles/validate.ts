// The rules an article must satisfy beyond its schema, for every channel: content files (lib/content
// reports them with file and line) and the web app (with the field). One place, so a file and a form
// can never disagree about what is valid.
import type { Article } from "../domain/schema.ts";
import { answersRule } from "../domain/visibility.ts";

export type ValidationContext = {
  /** Advisor ids answers may name. */
  advisors: ReadonlySet<string>;
  /** Topic alias → canonical topic name, and the set of known names. */
  topicAliases?: ReadonlyMap<string, string>;
  knownTopics?: ReadonlySet<string>;
};

export type ArticleIssue = { path: (string | number)[]; message: string };

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
