// GET /api/health/live — liveness: the process answers. Touches nothing else, so a load balancer or
// process manager restarts an instance only when it is wedged, never because Postgres is away.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "live" }, { headers: { "cache-control": "no-store" } });
}
