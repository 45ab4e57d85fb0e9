// GET /metrics — Prometheus's text format (lib/ops/metrics.ts): to a loopback client (as the web server
// establishes it, lib/http/client.ts) or with `Authorization: Bearer $METRICS_TOKEN`; anyone else gets
// a 404, as if there were nothing here.
import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { scrape } from "@/lib/ops/metrics";
import { clientAddress } from "@/lib/http/client";

export const dynamic = "force-dynamic";

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

function allowed(req: Request): boolean {
  if (LOOPBACK.test(clientAddress(req.headers))) return true;
  const token = env().METRICS_TOKEN;
  const given = req.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
  return !!token && given.length === token.length && timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

export async function GET(req: Request) {
  if (!allowed(req)) return Response.json({ error: "not_found", message: "找不到这个页面。" }, { status: 404 });
  const { body, contentType } = await scrape();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}
