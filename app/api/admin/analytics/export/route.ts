// GET /api/admin/analytics/export?from=&to=&region=&table=daily|gaps|slowest → text/csv (reviewers, admins)
import { z } from "zod";
import { dashboard, toCsv } from "@/lib/analytics/dashboard";
import { CAUSE_LABELS } from "@/lib/analytics/cause";
import { gapFieldsSchema, listGaps, withinRetention } from "@/lib/analytics/gaps";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/domain/errors";
import { regionLabel } from "@/lib/regions";
import { adminRoute } from "@/lib/site/admin-api";

export const dynamic = "force-dynamic";

const schema = withinRetention(gapFieldsSchema.pick({ from: true, to: true, region: true }).extend({ table: z.enum(["daily", "gaps", "slowest"], { error: "table 应为 daily、gaps 或 slowest" }).default("daily") }));

export const GET = adminRoute({ action: "analytics.export" }, async ({ req }) => {
  const q = schema.safeParse(Object.fromEntries([...new URL(req.url).searchParams].filter(([, v]) => v !== "")));
  if (!q.success) throw new AppError("invalid", `查询参数有误：${q.error.issues.map((i) => `${i.path.join(".")}：${i.message}`).join("；")}`);
  const db = getDb();
  let rows: (string | number | null)[][];
  if (q.data.table === "gaps") {
    const gaps = await listGaps(db, { ...q.data, limit: 500 });
    const rate = (v: number | null | undefined) => (v === null || v === undefined ? null : Number(v.toFixed(3)));
    rows = [
      ["query", "region", "region_name", "searches", "zero_hits", "no_clicks", "cause", "state", "answered_at", "lead_time_days", "zero_per_day_before", "zero_per_day_after"],
      ...gaps.map((g) => [g.query, g.region, regionLabel(g.region), g.searches, g.zeroHits, g.noClicks, CAUSE_LABELS[g.cause as keyof typeof CAUSE_LABELS] ?? g.cause, g.state, g.history?.answeredAt ?? null, g.history?.leadTimeDays ?? null, rate(g.history?.before.zeroPerDay), rate(g.history?.after.zeroPerDay)]),
    ];
  } else {
    const d = await dashboard(db, q.data);
    rows = q.data.table === "slowest"
      ? [["query", "searches", "max_ms", "mean_ms"], ...d.slowest.map((s) => [s.query, s.searches, s.maxMs, s.meanMs])]
      : [["day", "searches", "zero_results", "no_clicks", "searches_clicked", "clicks", "mean_click_position"], ...d.days.map((x) => [x.day, x.searches, x.zero, x.noClick, x.clicked, x.clicks, x.meanPosition === null ? null : Number(x.meanPosition.toFixed(2))])];
  }
  const name = `search-${q.data.table}-${q.data.from ?? "last30"}-${q.data.to ?? "today"}.csv`;
  return new Response(toCsv(rows), { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" } });
});
