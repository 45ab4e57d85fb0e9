// Names of the page-cache tags (lib/site/page-cache.ts explains them). Here, below the site layer and pure, so
// that the outbox worker and ingest can name them without loading Next or reaching up into lib/site.
import type { Changed } from "../domain/changes.ts";

export const PAGE_TTL_SECONDS = 3600;
export const LANDING_TAG = "landing";
export const articleTag = (id: string) => `article:${id}`;
/** The answer at /q/<slug> when no article has it (a 404 or a redirect), until one takes it. */
export const slugTag = (slug: string) => `slug:${slug}`;

/** Pages that show a policy's figures or its verification mark (landing pages also carry LANDING_TAG). */
export const policyTag = (id: string) => `policy:${id}`;

/** The tags of what one write reported (lib/domain/changes.ts); none when it changed nothing a reader sees. */
export function changedTags(c: Changed): string[] {
  const articles = c.articleIds?.length || c.slugs?.length ? changeTags({ articleIds: c.articleIds ?? [], slugs: c.slugs }) : [];
  const policies = (c.policyIds ?? []).map(policyTag);
  return [...new Set([...articles, ...(policies.length ? [LANDING_TAG] : []), ...policies])];
}

/** Tags for a batch of changes: the articles' pages, whatever was cached at their slugs, every landing page. */
export function changeTags(change: { articleIds: string[]; slugs?: string[] }): string[] {
  return [LANDING_TAG, ...new Set(change.articleIds.map(articleTag)), ...new Set((change.slugs ?? []).map(slugTag))];
}
