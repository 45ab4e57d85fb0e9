// GET /api/health — readiness of the site and the two systems it depends on, as status words only
// (lib/site/health.ts); the reasons are logged on the server.
import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { searchHealth } from "@/lib/search/client";
import { checkHealth } from "@/lib/site/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth({
    db: () => getDb().$queryRawUnsafe("SELECT 1"),
    search: () => searchHealth(1000),
  });
  return NextResponse.json(health, { status: health.status === "down" ? 503 : 200, headers: { "cache-control": "no-store" } });
}
