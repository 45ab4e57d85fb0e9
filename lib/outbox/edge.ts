// Purges the edge cache (Varnish, deploy/varnish/yibao.vcl) for the pages a change touched. The edge
// knows pages by URL, not by the page-cache tags Next keeps (Next sends its tags only in its hosted
// "minimal mode"), so the tags are turned into path patterns here: an article's page by its slug, the
// landing pages and sitemaps as a group, for a policy every page that can show its figures, the drug
// pages when a drug list changed. Sent
// after the web servers expired their copies, so that the edge's next fetch gets the new page.
import "server-only";
import type { Db } from "../db/client.ts";
import { LANDING_TAG } from "./page-tags.ts";

/** `db` is asked for only when a purge names articles (the process may not know its database yet). */
export type EdgePurge = { urls: string[]; db: () => Db; log?: (line: string) => void };

/** Landing pages, their data's other readers (the home page, sitemaps) and the calculators' figures. */
const LANDING = String.raw`^/(\?|$)|^/(regions|topics|sitemap|sitemaps|robots)`;
/** Question pages (embedded calculators), landing tables, calculator pages. */
const POLICY = String.raw`^/(q|regions|calculators)/`;
/** The drug pages, when a drug list was imported (lib/catalogue's DRUGS_TAG). */
const DRUGS = String.raw`^/drugs/`;
const SLUGS_PER_BAN = 200;

/** The ban expressions (regular expressions over the URL) for these page-cache tags. Pure. */
export function edgeBans(tags: string[], slugsOfArticles: string[]): string[] {
  const slugs = new Set(slugsOfArticles);
  for (const t of tags) if (t.startsWith("slug:")) slugs.add(t.slice("slug:".length));
  // Slugs are lower-case ASCII words and hyphens (SLUG_RE); anything else is not ours to put in a regex.
  const safe = [...slugs].filter((s) => /^[a-z0-9-]+$/.test(s)).sort();
  const bans: string[] = [];
  for (let i = 0; i < safe.length; i += SLUGS_PER_BAN) bans.push(String.raw`^/q/(${safe.slice(i, i + SLUGS_PER_BAN).join("|")})(/|\?|$)`);
  if (tags.includes(LANDING_TAG)) bans.push(LANDING);
  if (tags.some((t) => t.startsWith("policy:"))) bans.push(POLICY);
  if (tags.includes("drugs")) bans.push(DRUGS);
  return bans;
}

/** Sends the bans to every edge; returns how many edges accepted them all. */
export async function purgeEdge(o: EdgePurge, tags: string[]): Promise<number> {
  if (!o.urls.length || !tags.length) return 0;
  const ids = tags.filter((t) => t.startsWith("article:")).map((t) => t.slice("article:".length));
  const slugs = ids.length ? (await o.db().article.findMany({ where: { id: { in: ids } }, select: { slug: true } })).map((a) => a.slug) : [];
  const bans = edgeBans(tags, slugs);
  const results = await Promise.all(
    o.urls.map(async (url) => {
      for (const ban of bans) {
        const ok = await fetch(url, { method: "BAN", headers: { "x-ban-path": ban }, signal: AbortSignal.timeout(5000) }).then(
          (r) => r.ok,
          () => false,
        );
        if (!ok) {
          o.log?.(`worker: the edge cache ${url} did not take a purge; its pages expire on their own`);
          return false;
        }
      }
      return true;
    }),
  );
  return results.filter(Boolean).length;
}
