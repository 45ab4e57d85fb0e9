// GET /api/suggest?q= → { suggestions, queryId } — up to six question titles for the as-you-type box.
import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { suggest } from "@/lib/site/search";

export const dynamic = "force-dynamic";

export async function GET(req: NextRequest) {
  const q = (req.nextUrl.searchParams.get("q") ?? "").slice(0, 100);
  try {
    // queryId: what a click on a suggestion refers to (POST /api/search/click); keystrokes are not logged.
    return NextResponse.json({ suggestions: await suggest(q), queryId: randomUUID() });
  } catch {
    // Suggestions are a convenience: when search is down the box simply shows none.
    return NextResponse.json({ suggestions: [], degraded: true });
  }
}
