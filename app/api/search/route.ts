// GET /api/search?q=&region=&insurance=&topic=&year=&page=&sort= — search as JSON.
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { parseSearchParams } from "@/lib/search/params";
import { clientOf } from "@/lib/http/client";
import { runSearch } from "@/lib/site/search";

export const dynamic = "force-dynamic";

export async function GET(req: NextRequest) {
  const parsed = parseSearchParams(req.nextUrl.searchParams);
  if (!parsed.success) {
    return NextResponse.json(
      { error: "invalid_parameters", message: z.prettifyError(parsed.error), fields: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) },
      { status: 400 },
    );
  }
  try {
    const r = await runSearch(parsed.data, { client: clientOf(req.headers) });
    return NextResponse.json({
      hits: r.hits.map(({ slug, title, snippet, url, region, insurance, topics }) => ({ slug, title, snippet, url, region, insurance, topics })),
      total: r.total,
      page: r.page,
      pageSize: r.pageSize,
      mode: r.mode,
      tookMs: r.tookMs,
      query: r.query.display,
      // Clicks on these hits go to POST /api/search/click with it; null when the search was not logged.
      queryId: r.queryId,
      // Above the hits: the drugs the query names, or where to check a drug this list part does not hold.
      cards: r.cards,
      ...(r.explanation ? { explanation: { cause: r.explanation.cause, ...(r.explanation.region ? { region: r.explanation.region } : {}), nationwide: r.explanation.nationwide.map(({ slug, title, url, region }) => ({ slug, title, url, region })) } } : {}),
      ...(r.shownFor ? { shownFor: r.shownFor } : {}),
      ...(r.facets ? { facets: r.facets } : {}),
      // Fewer hits than a page: the questions related to the best one, apart from the hits.
      ...(r.more.length ? { more: r.more.map(({ slug, title, url, region, insurance, topics }) => ({ slug, title, url, region, insurance, topics })) } : {}),
    });
  } catch (e) {
    console.error("search failed:", (e as Error).message);
    return NextResponse.json({ error: "search_unavailable", message: "搜索服务暂时不可用，请稍后再试。" }, { status: 503 });
  }
}
