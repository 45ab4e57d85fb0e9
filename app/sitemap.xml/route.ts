// GET /sitemap.xml — the sitemap index (lib/site/sitemaps.ts).
import { sitemapIndex } from "@/lib/site/sitemaps";

export const dynamic = "force-dynamic"; // its data is cached; the build must not need the database

export async function GET() {
  return new Response(await sitemapIndex(), { headers: { "content-type": "application/xml; charset=utf-8", "cache-control": "public, max-age=3600" } });
}
