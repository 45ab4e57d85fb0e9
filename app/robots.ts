// GET /robots.txt — crawl everything public; keep out of the authoring app and the API; name the
// sitemap index and every child sitemap (Baidu does not read index files).
import type { MetadataRoute } from "next";
import { env } from "@/lib/env";
import { childSitemaps } from "@/lib/site/sitemaps";
import { absoluteUrl, adminPath, API_ROOT, sitemapIndexPath, sitemapPath } from "@/lib/urls";

export const dynamic = "force-dynamic";

export default async function robots(): Promise<MetadataRoute.Robots> {
  const site = env().siteUrl;
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: [adminPath(), `${API_ROOT}/`] }],
    sitemap: [absoluteUrl(site, sitemapIndexPath()), ...(await childSitemaps()).map((n) => absoluteUrl(site, sitemapPath(n)))],
  };
}
