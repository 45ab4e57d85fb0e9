// The content-gap queue: what readers search for and do not find (no result) or do not take (results,
// no click), clustered by lib/analytics/gap-key.ts and counted by region. The worker files each logged
// search under its cluster and rebuilds the counts; reviewers turn a gap into an unanswered question in
// one click (it joins the advisors' queue with the gap's searches as its demand) or dismiss it.
import "server-only";
import { z } from "zod";
import { createArticleTx, inTransaction } from "../articles/revisions.ts";
import { inferTopics } from "../asks/topics.ts";
import { freeSlug } from "../authoring/questions.ts";
import type { Editor } from "../authoring/session.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../domain/errors.ts";
import type { TopicVocabulary } from "../domain/schema.ts";
import { OPEN } from "../domain/visibility.ts";
import { findRegionByName, isRegionCode } from "../regions/index.ts";
import { gapKey, synonymFolder } from "./gap-key.ts";

export const GAP_STATES = ["open", "dismissed", "converted"] as const;
export type GapState = (typeof GAP_STATES)[number];

// A search "not taken": results, but no click on any of them.
const NO_CLICK = `(l.hits > 0 AND NOT EXISTS (SELECT 1 FROM search_clicks c WHERE c.query_id = l.query_id))`;
const UNMET = `(l.hits = 0 OR ${NO_CLICK})`;

/** Files searches that have no cluster yet under theirs (in batches); returns how many. */
export async function fileSearches(db: Db, synonyms: string[][], batch = 5000): Promise<number> {
  const fold = synonymFolder(synonyms);
  let total = 0;
  for (;;) {
    const rows = await db.$queryRawUnsafe<{ id: bigint; normalized: string; query: string; region: string | null }[]>(
      `SELECT id, normalized, query, region FROM search_log WHERE gap_key IS NULL ORDER BY id LIMIT $1`,
      batch,
    );
    if (!rows.length) return total;
    const keyed = rows.map((r) => ({ id: String(r.id), ...gapKey(r.normalized || r.query, r.region, fold, findRegionByName) }));
    await db.$executeRawUnsafe(
      `UPDATE search_log l SET gap_key = x.key, gap_region = x.region
       FROM jsonb_to_recordset($1::jsonb) AS x(id bigint, key text, region text) WHERE l.id = x.id`,
      JSON.stringify(keyed),
    );
    total += rows.length;
    if (rows.length < batch) return total;
  }
}

/** Rebuilds the counts of every gap from the searches still in the log; dismissed and converted keep their state. */
export async function rebuildGaps(db: Db): Promise<number> {
  return db.$transaction(async (tx) => {
    const n = await tx.$executeRawUnsafe(`
      INSERT INTO content_gaps (key, region, query, searches, zero_hits, no_clicks, cause, first_seen, last_seen, updated_at)
      SELECT l.gap_key, l.gap_region, mode() WITHIN GROUP (ORDER BY l.query), count(*),
        count(*) FILTER (WHERE l.hits = 0), count(*) FILTER (WHERE ${NO_CLICK}),
        coalesce(mode() WITHIN GROUP (ORDER BY l.cause) FILTER (WHERE l.cause IS NOT NULL), 'no_click'),
        min(l.created_at), max(l.created_at), now()
      FROM search_log l
      WHERE l.gap_key <> '' AND ${UNMET}
      GROUP BY l.gap_key, l.gap_region
      ON CONFLICT (key, region) DO UPDATE SET query = EXCLUDED.query, searches = EXCLUDED.searches,
        zero_hits = EXCLUDED.zero_hits, no_clicks = EXCLUDED.no_clicks, cause = EXCLUDED.cause,
        first_seen = least(content_gaps.first_seen, EXCLUDED.first_seen), last_seen = EXCLUDED.last_seen, updated_at = now()`);
    // Open gaps whose searches have all aged out of the log (or were answered by a click) are gone.
    await tx.$executeRawUnsafe(`
      DELETE FROM content_gaps g WHERE g.state = 'open' AND NOT EXISTS (
        SELECT 1 FROM search_log l WHERE l.gap_key = g.key AND l.gap_region = g.region AND ${UNMET})`);
    return n;
  });
}

export const gapQuerySchema = z.object({
  from: z.iso.date({ error: "from 应为日期，例如 2026-11-01" }).optional(),
  to: z.iso.date({ error: "to 应为日期，例如 2026-11-30" }).optional(),
  region: z.string().regex(/^\d{6}$/, "地区代码应为六位数字").refine(isRegionCode, "地区代码无效").optional(),
  state: z.enum(GAP_STATES, { error: "state 应为 open、dismissed 或 converted" }).optional(),
  limit: z.coerce.number({ error: "limit 应为数字" }).int().min(1).max(500).default(100),
});
export type GapQuery = z.infer<typeof gapQuerySchema>;

export type Gap = { id: number | null; query: string; region: string; searches: number; zeroHits: number; noClicks: number; cause: string; state: GapState; articleSlug: string | null };

/** Date range [from, to] as timestamps: `to` includes its whole day. Default: the last 30 days. */
export function dateRange(q: { from?: string; to?: string }, now = new Date()): { from: Date; to: Date } {
  const to = q.to ? new Date(`${q.to}T00:00:00Z`) : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const from = q.from ? new Date(`${q.from}T00:00:00Z`) : new Date(to.getTime() - 29 * 86_400_000);
  return { from, to: new Date(to.getTime() + 86_400_000) };
}

/** The gaps of a date range, counted from the searches in it, most searched first. */
export async function listGaps(db: Db, q: GapQuery): Promise<Gap[]> {
  const { from, to } = dateRange(q);
  const region = q.region && !q.region.endsWith("0000") ? q.region : q.region?.slice(0, 2) ?? null;
  const rows = await db.$queryRawUnsafe<{ id: number | null; query: string; region: string; searches: bigint; zero_hits: bigint; no_clicks: bigint; cause: string; state: string | null; slug: string | null }[]>(
    `WITH s AS (
       SELECT l.gap_key, l.gap_region, mode() WITHIN GROUP (ORDER BY l.query) AS query, count(*) AS searches,
         count(*) FILTER (WHERE l.hits = 0) AS zero_hits, count(*) FILTER (WHERE ${NO_CLICK}) AS no_clicks,
         coalesce(mode() WITHIN GROUP (ORDER BY l.cause) FILTER (WHERE l.cause IS NOT NULL), 'no_click') AS cause
       FROM search_log l
       WHERE l.gap_key <> '' AND l.created_at >= $1 AND l.created_at < $2 AND ${UNMET}
         AND ($3::text IS NULL OR l.gap_region = $3 OR (length($3) = 2 AND left(l.gap_region, 2) = $3))
       GROUP BY l.gap_key, l.gap_region)
     SELECT g.id, s.query, s.gap_region AS region, s.searches, s.zero_hits, s.no_clicks, s.cause, g.state, a.slug
     FROM s LEFT JOIN content_gaps g ON g.key = s.gap_key AND g.region = s.gap_region
     LEFT JOIN articles a ON a.id = g.article_id
     WHERE ($4::text IS NULL OR coalesce(g.state, 'open') = $4)
     ORDER BY s.searches DESC, s.query LIMIT $5`,
    from,
    to,
    region,
    q.state ?? null,
    q.limit,
  );
  return rows.map((r) => ({ id: r.id, query: r.query, region: r.region, searches: Number(r.searches), zeroHits: Number(r.zero_hits), noClicks: Number(r.no_clicks), cause: r.cause, state: (r.state ?? "open") as GapState, articleSlug: r.slug }));
}

/** Title of the question made from a gap: the wording readers used, as long as a title must be. */
export function gapTitle(query: string): string {
  const q = query.trim().slice(0, 100);
  return q.length >= 5 ? q : `关于“${q}”的问题`;
}

/** Turns an open gap into an unanswered question (it joins the advisors' queue); audited. */
export async function convertGap(db: Db, id: number, editor: Editor, topics: TopicVocabulary): Promise<{ slug: string }> {
  const gap = await db.contentGap.findUnique({ where: { id } });
  if (!gap) throw new AppError("not_found", "找不到这个内容缺口。");
  if (gap.state !== "open") throw new AppError("conflict", gap.state === "converted" ? "这个缺口已经转成了待解答问题。" : "这个缺口已被忽略。");
  const title = gapTitle(gap.query);
  const slug = await freeSlug(db, title);
  await inTransaction(db, async (tx) => {
    const { id: articleId } = await createArticleTx(tx, {
      by: editor.id,
      article: { slug, title, region: gap.region, insurance: ["employee", "resident"], topics: inferTopics(title, topics), published: new Date().toISOString().slice(0, 10), status: OPEN, related: [], citations: [], answers: [] },
    });
    const changed = await tx.contentGap.updateMany({ where: { id, state: "open" }, data: { state: "converted", articleId, decidedBy: editor.id, decidedAt: new Date() } });
    if (!changed.count) throw new AppError("conflict", "这个缺口刚被别人处理了。");
    await tx.auditEvent.create({ data: { actor: editor.id, action: "gap.convert", articleId, data: { gap: id, query: gap.query, region: gap.region, searches: gap.searches } } });
  });
  return { slug };
}

export async function dismissGap(db: Db, id: number, editor: Editor): Promise<void> {
  await db.$transaction(async (tx) => {
    const changed = await tx.contentGap.updateMany({ where: { id, state: "open" }, data: { state: "dismissed", decidedBy: editor.id, decidedAt: new Date() } });
    if (!changed.count) throw new AppError((await tx.contentGap.count({ where: { id } })) ? "conflict" : "not_found", "这个缺口不存在或已经处理过了。");
    await tx.auditEvent.create({ data: { actor: editor.id, action: "gap.dismiss", data: { gap: id } } });
  });
}

/** Searches filed under the gaps that became these questions: the demand the advisors' queue shows. */
export async function gapDemand(db: Db, articleIds: string[]): Promise<Map<string, number>> {
  if (!articleIds.length) return new Map();
  const rows = await db.contentGap.findMany({ where: { articleId: { in: articleIds } }, select: { articleId: true, searches: true } });
  return new Map(rows.map((r) => [r.articleId!, r.searches]));
}
