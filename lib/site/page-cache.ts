// The cache of rendered pages, in one module: which tags a page carries, how data shared by the landing
// pages is cached, and the call the outbox worker makes when articles change.
//
// Question and landing pages are rendered once and kept in Next's page cache (ISR, in memory per web
// server: see next.config.ts); search stays dynamic. Tags say what a cached page depends on:
//   article:<id>  a question page, and the question pages that list it as related;
//   slug:<slug>   whatever /q/<slug> answered when no article had that slug (404, redirect);
//   policy:<id>   a question page embedding that policy's calculator;
//   landing       every landing page, the home page's lists and the sitemaps (a change to any article
//                 can move it between them: new region, new topic, answered or not).
// When the worker has applied a batch of changes it posts the tags to every web server
// (REVALIDATE_URLS), which expires them at once, so the next request renders afresh. Pages also
// expire on their own after PAGE_TTL_SECONDS, the bound for anything not announced (today's date in
// expiry notices, a policy file edited on disk).
import "server-only";
import { revalidateTag, unstable_cache } from "next/cache";
import { env } from "../env.ts";
import { LANDING_TAG, PAGE_TTL_SECONDS } from "../outbox/page-tags.ts";
import { pageRevalidation, revalidatePages } from "../outbox/pages.ts";

export { articleTag, LANDING_TAG, PAGE_TTL_SECONDS, policyTag, slugTag } from "../outbox/page-tags.ts";

/**
 * Marks the page being rendered as depending on these tags. The tags ride on a tiny cached entry:
 * Next gives a page the tags of every cached call made while rendering it.
 */
export async function dependsOn(tags: string[]): Promise<void> {
  if (!tags.length) return;
  await unstable_cache(async () => true, ["depends-on", ...tags], { tags, revalidate: PAGE_TTL_SECONDS })();
}

/** Data shared by landing pages (coverage counts, a page's question list), cached under `landing`. */
export function landingCached<A extends unknown[], R>(key: string, fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return unstable_cache(fn, ["landing", key], { tags: [LANDING_TAG], revalidate: PAGE_TTL_SECONDS });
}

/**
 * Expires pages here and on every web server at once, so that whoever just changed them sees the change
 * on their next request: the admin transport calls it with the tags of every write (the worker announces
 * article changes too, a moment later; a reviewer's check of a policy is no article change at all).
 */
export async function expireEverywhere(tags: string[]): Promise<void> {
  try {
    for (const tag of tags) revalidateTag(tag, { expire: 0 });
  } catch (e) {
    console.warn("page cache not expired here:", (e as Error).message);
  }
  try {
    await revalidatePages({ ...(await pageRevalidation(env())), attempts: 1 }, tags);
  } catch (e) {
    // Within PAGE_TTL_SECONDS the other servers' pages expire on their own.
    console.warn("other web servers not told of the change:", (e as Error).message);
  }
}
