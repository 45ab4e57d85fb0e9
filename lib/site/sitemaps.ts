// The sitemaps' contents: only indexable URLs (answered questions; landing pages that pass the
// quality gate), absolute, with the time of their last published change. Cached under `landing`.
import "server-only";
import { answeredArticleCount, sitemapArticles } from "../articles/landing.ts";
import { getPublicDb } from "../db/client.ts";
import { env } from "../env.ts";
import { parseSitemapName, SITEMAP_MAX_URLS, sitemapIndexXml, sitemapNames, sitemapXml } from "../seo/sitemap.ts";
import { drugIds } from "../catalogue/read.ts";
import { absoluteUrl, drugPath, questionPath, sitemapPath } from "../urls.ts";
import { landingPlan } from "./landing.ts";
import { landingCached } from "./page-cache.ts";

export const childSitemaps = landingCached("sitemap-children", async () => {
  const db = getPublicDb();
  const [answered, drugs] = await Promise.all([answeredArticleCount(db), db.drug.count()]);
  return sitemapNames(answered, drugs);
});

export const sitemapIndex = landingCached("sitemap-index", async () => {
  const site = env().siteUrl;
  return sitemapIndexXml((await childSitemaps()).map((n) => ({ loc: absoluteUrl(site, sitemapPath(n)) })));
});

/** A child sitemap's XML; null for a name that is not one. */
export const childSitemap = landingCached("sitemap-child", async (name: string): Promise<string | null> => {
  const which = parseSitemapName(name);
  if (!which || !(await childSitemaps()).includes(name)) return null;
  const site = env().siteUrl;
  if (which.kind === "landing") {
    const pages = (await landingPlan()).filter((p) => p.indexable);
    return sitemapXml(pages.map((p) => ({ loc: absoluteUrl(site, p.path), lastmod: p.lastmod })));
  }
  if (which.kind === "drugs") {
    // Their content changes only with a drug list's edition: no per-page date to give.
    return sitemapXml((await drugIds(getPublicDb())).map((d) => ({ loc: absoluteUrl(site, drugPath(d.id)) })));
  }
  const rows = await sitemapArticles(getPublicDb(), SITEMAP_MAX_URLS, (which.page - 1) * SITEMAP_MAX_URLS);
  return sitemapXml(rows.map((r) => ({ loc: absoluteUrl(site, questionPath(r.slug)), lastmod: new Date(r.lastmod).toISOString() })));
});
