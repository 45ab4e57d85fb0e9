// What an article's state means, in one module: what the public sees (in the three forms the stores
// need) and which states carry answers. Every reader — pages, search documents, the Postgres fallback,
// related questions — and every writer goes through it; nothing else names article states.
import type { ArticleState } from "./schema.ts";

/** The state of a question with at least one published answer. */
export const ANSWERED: ArticleState = "published";
/** The state of a public question that waits for its first answer. */
export const OPEN: ArticleState = "unanswered";

/** The state of a question a reader asked, until a moderator accepts (→ OPEN), merges or rejects it. */
export const ASKED: ArticleState = "pending";
/** Where a rejected or merged reader's question goes: out of public view, kept for the record. */
export const RETIRED: ArticleState = "archived";

/** Must an article in this state have an answer (true), none (false), or either (null)? */
export function answersRule(state: ArticleState): boolean | null {
  if (state === ANSWERED) return true;
  if (state === OPEN || state === ASKED) return false;
  return null;
}

/** Publishing an answer on an open question answers it; other states stay as they are. */
export function stateAfterAnswer(state: ArticleState): ArticleState {
  return state === OPEN ? ANSWERED : state;
}

/** States whose article has a public page and is searchable. */
export const PUBLIC_STATES = [ANSWERED, OPEN] as const;

export function isPublic(state: string): boolean {
  return (PUBLIC_STATES as readonly string[]).includes(state);
}

/** An article that has an answer to show (ranked and listed before unanswered ones). */
export function isAnswered(state: string): boolean {
  return state === ANSWERED;
}

/** Prisma `where` fragment: `{ ...publicWhere, slug }`. */
export const publicWhere = { state: { in: [...PUBLIC_STATES] } } satisfies { state: { in: ArticleState[] } };

/** Prisma `where` fragment for public articles that have an answer. */
export const answeredWhere = { state: ANSWERED };

/** SQL condition on the articles table (`alias` when the query joins it under another name). */
export function publicSql(alias?: string): string {
  return `${alias ? `${alias}.` : ""}state IN (${PUBLIC_STATES.map((s) => `'${s}'`).join(", ")})`;
}

/** SQL expression: the article has an answer to show. */
export function answeredSql(alias?: string): string {
  return `(${alias ? `${alias}.` : ""}state = '${ANSWERED}')`;
}

/** Meilisearch filter expression on the document's `state`. */
export const publicFilter = `state IN [${PUBLIC_STATES.map((s) => JSON.stringify(s)).join(", ")}]`;
