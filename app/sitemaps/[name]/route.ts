// GET /sitemaps/landing.xml, /sitemaps/questions-<n>.xml — the child sitemaps (lib/site/sitemaps.ts).
import { childSitemap } from "@/lib/site/sitemaps";

export const dynamic = "force-dynamic"; // its data is cached; the build must not need the database

export async function GET(_: Request, { params }: { params: Promise<{ name: string }> }) {
  const xml = await childSitemap((await params).name);
  if (xml === null) return new Response("找不到这个站点地图。", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(xml, { headers: { "content-type": "application/xml; charset=utf-8", "cache-control": "public, max-age=3600" } });
}
