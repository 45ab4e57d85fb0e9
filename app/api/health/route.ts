// GET /api/health — readiness of the site and the two systems it depends on.
import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { getSearchClient } from "@/lib/search/client";

export const dynamic = "force-dynamic";

export async function GET() {
  const [db, search] = await Promise.all([
    getDb().$queryRawUnsafe("SELECT 1").then(() => "ok", (e: Error) => e.message),
    getSearchClient(undefined, undefined, { timeout: 1000 }).health().then(() => "ok", (e: Error) => e.message),
  ]);
  const ok = db === "ok";
  return NextResponse.json({ status: ok ? (search === "ok" ? "ok" : "degraded") : "down", db, search }, { status: ok ? 200 : 503 });
}
