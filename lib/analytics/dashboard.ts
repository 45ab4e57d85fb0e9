// The figures of the search-analytics dashboard for a date range, straight from the search log and the
// clicks: searches per day, zero-result and no-click rates, click-through rate, mean click position,
// slowest queries. A click counts for the search it came from (result clicks only).
import "server-only";
import type { Db } from "../db/client.ts";
import { chinaDate, chinaDateSql } from "../domain/dates.ts";
import { dateRange } from "./gaps.ts";
import { scopeSql, scopeSqlValue } from "../regions/scope.ts";

export type DayFigures = { day: string; searches: number; zero: number; noClick: number; clicked: number; clicks: number; meanPosition: number | null };

export type Dashboard = {
  from: string;
  to: string;
  days: DayFigures[];
  totals: { searches: number; zeroRate: number; noClickRate: number; ctr: number; meanPosition: number | null; suggestionClicks: number };
  slowest: { query: string; searches: number; maxMs: number; meanMs: number }[];
};

const rate = (n: number, d: number) => (d ? n / d : 0);

export async function dashboard(db: Db, q: { from?: string; to?: string; region?: string }): Promise<Dashboard> {
  const { from, to } = dateRange(q);
  const region = q.region ? scopeSqlValue(q.region) : null;
  const where = `l.created_at >= $1 AND l.created_at < $2 AND ${q.region ? scopeSql(q.region, "coalesce(l.region, l.gap_region)", "$3") : "$3::text IS NULL"}`;
  const rows = await db.$queryRawUnsafe<{ day: Date; searches: bigint; zero: bigint; no_click: bigint; clicked: bigint; clicks: bigint; position_sum: bigint | null }[]>(
    `WITH c AS (
       SELECT query_id, count(*) AS clicks, sum(position) AS position_sum FROM search_clicks
       WHERE source = 'result' AND created_at >= $1 GROUP BY query_id)
     SELECT ${chinaDateSql("l.created_at")} AS day, count(*) AS searches,
       count(*) FILTER (WHERE l.hits = 0) AS zero,
       count(*) FILTER (WHERE l.hits > 0 AND c.query_id IS NULL) AS no_click,
       count(c.query_id) AS clicked, coalesce(sum(c.clicks), 0) AS clicks, sum(c.position_sum) AS position_sum
     FROM search_log l LEFT JOIN c ON c.query_id = l.query_id
     WHERE ${where}
     GROUP BY 1 ORDER BY 1`,
    from,
    to,
    region,
  );
  const byDay = new Map(rows.map((r) => [r.day.toISOString().slice(0, 10), r]));
  const days: DayFigures[] = [];
  for (let t = from.getTime(); t < to.getTime(); t += 86_400_000) {
    const day = chinaDate(t);
    const r = byDay.get(day);
    const clicks = Number(r?.clicks ?? 0);
    days.push({ day, searches: Number(r?.searches ?? 0), zero: Number(r?.zero ?? 0), noClick: Number(r?.no_click ?? 0), clicked: Number(r?.clicked ?? 0), clicks, meanPosition: clicks ? Number(r!.position_sum) / clicks : null });
  }
  const sum = (k: keyof DayFigures) => days.reduce((s, d) => s + (d[k] as number), 0);
  const searches = sum("searches");
  const withHits = searches - sum("zero");
  const clicks = sum("clicks");
  const positionSum = rows.reduce((s, r) => s + Number(r.position_sum ?? 0), 0);
  const [suggestions] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM search_clicks WHERE source = 'suggestion' AND created_at >= $1 AND created_at < $2`, from, to);
  const slowest = await db.$queryRawUnsafe<{ query: string; searches: bigint; max_ms: number; mean_ms: number }[]>(
    `SELECT mode() WITHIN GROUP (ORDER BY l.query) AS query, count(*) AS searches, max(l.latency_ms) AS max_ms, avg(l.latency_ms)::float8 AS mean_ms
     FROM search_log l WHERE ${where} AND l.latency_ms IS NOT NULL
     GROUP BY coalesce(nullif(l.normalized, ''), l.query) ORDER BY max(l.latency_ms) DESC LIMIT 10`,
    from,
    to,
    region,
  );
  return {
    from: chinaDate(from),
    to: chinaDate(to.getTime() - 86_400_000),
    days,
    totals: { searches, zeroRate: rate(sum("zero"), searches), noClickRate: rate(sum("noClick"), withHits), ctr: rate(sum("clicked"), withHits), meanPosition: clicks ? positionSum / clicks : null, suggestionClicks: Number(suggestions?.n ?? 0) },
    slowest: slowest.map((s) => ({ query: s.query, searches: Number(s.searches), maxMs: s.max_ms, meanMs: Math.round(s.mean_ms) })),
  };
}

/** RFC 4180 CSV; a text cell starting with = + - @ is prefixed with ' so that a spreadsheet shows, not runs, it. */
export function toCsv(rows: (string | number | null)[][]): string {
  const cell = (v: string | number | null) => {
    let s = v === null ? "" : String(v);
    if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}
