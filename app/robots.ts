// GET /robots.txt — crawl everything public; keep out of the authoring app and the API; name the
// sitemap index and every child sitemap (Baidu does not read index files).
import type { MetadataRoute } from "next";
import { env } from "@/lib/env";
import { childSitemaps, sitemapPath } from "@/lib/site/sitemaps";
import { absoluteUrl } from "@/lib/urls";

export const dynamic = "force-dynamic";

export default async function robots(): Promise<MetadataRoute.Robots> {
  const site = env().siteUrl;
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/admin", "/api/"] }],
    sitemap: [absoluteUrl(site, "/sitemap.xml"), ...(await childSitemaps()).map((n) => absoluteUrl(site, sitemapPath(n)))],
  };
}
