// GET /api/admin/analytics/gaps?from=&to=&region=&state=&limit= → { gaps: [{ id, query, region, searches,
// zeroHits, noClicks, cause, state, articleSlug }] } — reviewers and admins.
import { listGaps, gapQuerySchema } from "@/lib/analytics/gaps";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/domain/errors";
import { adminRoute } from "@/lib/site/admin-api";

export const dynamic = "force-dynamic";

export const GET = adminRoute({ action: "analytics.read" }, async ({ req }) => {
  const raw = Object.fromEntries([...new URL(req.url).searchParams].filter(([, v]) => v !== ""));
  const q = gapQuerySchema.safeParse(raw);
  if (!q.success) throw new AppError("invalid", `查询参数有误：${q.error.issues.map((i) => `${i.path.join(".")}：${i.message}`).join("；")}`);
  return { gaps: await listGaps(getDb(), q.data) };
});
