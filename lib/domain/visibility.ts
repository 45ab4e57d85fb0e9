// The one rule of what the public sees, in the three forms the stores need. Every reader — pages,
// search documents, the Postgres fallback, related questions, exports of public content — goes through
// this module; nothing else names article states in a query.
import type { ArticleState } from "./schema.ts";

/** States whose article has a public page and is searchable. */
export const PUBLIC_STATES = ["published", "unanswered"] as const satisfies readonly ArticleState[];

export function isPublic(state: string): boolean {
  return (PUBLIC_STATES as readonly string[]).includes(state);
}

/** An article that has an answer to show (ranked and listed before unanswered ones). */
export function isAnswered(state: string): boolean {
  return state === "published";
}

/** Prisma `where` fragment: `{ ...publicWhere, slug }`. */
export const publicWhere = { state: { in: [...PUBLIC_STATES] } } satisfies { state: { in: ArticleState[] } };

/** Prisma `where` fragment for public articles that have an answer. */
export const answeredWhere = { state: "published" } satisfies { state: ArticleState };

/** SQL condition on the articles table (`alias` when the query joins it under another name). */
export function publicSql(alias?: string): string {
  return `${alias ? `${alias}.` : ""}state IN (${PUBLIC_STATES.map((s) => `'${s}'`).join(", ")})`;
}

/** SQL expression: the article has an answer to show. */
export function answeredSql(alias?: string): string {
  return `(${alias ? `${alias}.` : ""}state = 'published')`;
}

/** Meilisearch filter expression on the document's `state`. */
export const publicFilter = `state IN [${PUBLIC_STATES.map((s) => JSON.stringify(s)).join(", ")}]`;
