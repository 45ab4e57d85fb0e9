// GET /api/suggest?q= → { suggestions, queryId } — up to six question titles for the as-you-type box.
import { NextResponse, type NextRequest } from "next/server";
import { newQueryId } from "@/lib/analytics/query-id";
import { suggest } from "@/lib/site/search";

export const dynamic = "force-dynamic";

export async function GET(req: NextRequest) {
  const q = (req.nextUrl.searchParams.get("q") ?? "").slice(0, 100);
  try {
    // queryId: what a click on a suggestion refers to (POST /api/search/click); keystrokes are not logged.
    return NextResponse.json({ suggestions: await suggest(q), queryId: newQueryId() });
  } catch {
    // Suggestions are a convenience: when search is down the box simply shows none.
    return NextResponse.json({ suggestions: [], degraded: true });
  }
}
