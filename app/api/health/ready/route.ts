// GET /api/health/ready — readiness: 200 when this instance should get traffic, 503 with the reasons as
// codes when not (lib/site/health.ts). Numbers and codes only; why a dependency is down goes to the log.
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { feedLag, lastHeartbeat } from "@/lib/outbox/heartbeat";
import { getIndexes, instanceOf, searchHealth } from "@/lib/search/client";
import { checkReadiness, isStopping } from "@/lib/site/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const db = getDb();
  const ready = await checkReadiness(
    {
      db: () => db.$queryRawUnsafe("SELECT 1"),
      search: () => searchHealth(1000),
      worker: () => lastHeartbeat(db),
      feedLag: () => feedLag(db, getIndexes().map(instanceOf)),
      stopping: isStopping,
    },
    { workerSeconds: env().READY_WORKER_SECONDS, feedLagSeconds: env().READY_FEED_LAG_SECONDS },
  );
  return Response.json(ready, { status: ready.status === "ready" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
