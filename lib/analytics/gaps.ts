// The content-gap queue: what readers search for and do not find (no result) or do not take (results,
// no click), clustered by lib/analytics/gap-key.ts and counted by region. The worker files each logged
// search under its cluster and rebuilds the counts; reviewers turn a gap into an unanswered question in
// one click (it joins the advisors' queue with the gap's searches as its demand) or dismiss it.
import "server-only";
import { z } from "zod";
import { createArticleTx, inTransaction, PUBLISH_ACTIONS } from "../articles/revisions.ts";
import { inferTopics } from "../domain/topics.ts";
import { freeSlug } from "../authoring/questions.ts";
import type { Editor } from "../authoring/session.ts";
import type { Db } from "../db/client.ts";
import { addDays, chinaDateSql, chinaMidnight, todayInChina } from "../domain/dates.ts";
import { AppError } from "../domain/errors.ts";
import type { TopicVocabulary } from "../domain/schema.ts";
import { env } from "../env.ts";
import { findRegionByName, isRegionCode } from "../regions/index.ts";
import { type GapHistory, gapHistory, historySeries, type Series } from "./gap-history.ts";
import { gapKey, synonymFolder } from "./gap-key.ts";
import { AUDIT } from "../domain/audit-actions.ts";
import type { Changed } from "../domain/changes.ts";
import { newQuestion } from "../domain/new-question.ts";
import { GapState } from "../db/generated/enums.ts";
import { scopeSql, scopeSqlValue, scopeWhere } from "../regions/scope.ts";

// The states are the Prisma enum's (gap_state in Postgres): one list for the database, the API and pages.
export { GapState };

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

export const gapFieldsSchema = z.object({
  from: z.iso.date({ error: "from 应为日期，例如 2026-11-01" }).optional(),
  to: z.iso.date({ error: "to 应为日期，例如 2026-11-30" }).optional(),
  region: z.string().regex(/^\d{6}$/, "地区代码应为六位数字").refine(isRegionCode, "地区代码无效").optional(),
  state: z.enum(GapState, { error: "state 应为 open、dismissed 或 converted" }).optional(),
  limit: z.coerce.number({ error: "limit 应为数字" }).int().min(1).max(500).default(100),
});

/** A date range no longer than the search log keeps (SEARCH_LOG_RETENTION_DAYS), from before to. */
export function withinRetention<S extends z.ZodType<{ from?: string; to?: string }>>(schema: S) {
  return schema.superRefine((q, ctx) => {
  // Nothing older than the retention window is in the log: a wider range only costs (year 0001 to 9999
  // once took 16 s and an 84 MB CSV).
  const { from, to } = dateRange(q);
  const days = Math.round((to.getTime() - from.getTime()) / 86_400_000);
  const max = env().SEARCH_LOG_RETENTION_DAYS;
  if (days < 1) ctx.addIssue({ code: "custom", path: ["from"], message: "开始日期不能晚于结束日期" });
  else if (days > max) ctx.addIssue({ code: "custom", path: ["from"], message: `日期范围最长 ${max} 天（搜索记录只保留这么久）` });
  });
}

export const gapQuerySchema = withinRetention(gapFieldsSchema);
export type GapQuery = z.infer<typeof gapQuerySchema>;

export type Gap = {
  id: number | null;
  query: string;
  region: string;
  searches: number;
  zeroHits: number;
  noClicks: number;
  cause: string;
  state: GapState;
  articleSlug: string | null;
  /** Once the question made of it has a published answer: lead time and zero-result searches before and after. */
  history: GapHistory | null;
};

/** Date range [from, to] of China days as timestamps: `to` includes its whole day. Default: the last 30 days. */
export function dateRange(q: { from?: string; to?: string }, now = new Date()): { from: Date; to: Date } {
  const to = q.to ?? todayInChina(now);
  return { from: chinaMidnight(q.from ?? addDays(to, -29)), to: chinaMidnight(addDays(to, 1)) };
}

/** Where the history's clock and the log's retention come from (tests move the clock). */
export type HistoryOptions = { now?: Date; retentionDays?: number };

/** The gaps of a date range, counted from the searches in it, most searched first. */
export async function listGaps(db: Db, q: GapQuery, o: HistoryOptions = {}): Promise<Gap[]> {
  const { from, to } = dateRange(q);
  const region = q.region ? scopeSqlValue(q.region) : null;
  const rows = await db.$queryRawUnsafe<{ id: number | null; query: string; region: string; searches: bigint; zero_hits: bigint; no_clicks: bigint; cause: string; state: string | null; slug: string | null }[]>(
    `WITH s AS (
       SELECT l.gap_key, l.gap_region, mode() WITHIN GROUP (ORDER BY l.query) AS query, count(*) AS searches,
         count(*) FILTER (WHERE l.hits = 0) AS zero_hits, count(*) FILTER (WHERE ${NO_CLICK}) AS no_clicks,
         coalesce(mode() WITHIN GROUP (ORDER BY l.cause) FILTER (WHERE l.cause IS NOT NULL), 'no_click') AS cause
       FROM search_log l
       WHERE l.gap_key <> '' AND l.created_at >= $1 AND l.created_at < $2 AND ${UNMET}
         AND ${q.region ? scopeSql(q.region, "l.gap_region", "$3") : "$3::text IS NULL"}
       GROUP BY l.gap_key, l.gap_region)
     SELECT g.id, s.query, s.gap_region AS region, s.searches, s.zero_hits, s.no_clicks, s.cause, g.state::text AS state, a.slug
     FROM s LEFT JOIN content_gaps g ON g.key = s.gap_key AND g.region = s.gap_region
     LEFT JOIN articles a ON a.id = g.article_id
     WHERE ($4::text IS NULL OR coalesce(g.state::text, 'open') = $4)
     ORDER BY s.searches DESC, s.query LIMIT $5`,
    from,
    to,
    region,
    q.state ?? null,
    q.limit,
  );
  const histories = await gapHistories(db, rows.filter((r) => r.id !== null && r.state === GapState.converted).map((r) => r.id!), o);
  return rows.map((r) => ({
    id: r.id,
    query: r.query,
    region: r.region,
    searches: Number(r.searches),
    zeroHits: Number(r.zero_hits),
    noClicks: Number(r.no_clicks),
    cause: r.cause,
    state: (r.state ?? GapState.open) as GapState,
    articleSlug: r.slug,
    history: (r.id !== null && histories.get(r.id)) || null,
  }));
}

const logStart = (o: HistoryOptions, now: Date) => new Date(now.getTime() - (o.retentionDays ?? env().SEARCH_LOG_RETENTION_DAYS) * 86_400_000);

/**
 * The history of each of these gaps that became a question with a published answer (the others are
 * not in the map). Answered: the first publish of an answer on that question (its audit event). The
 * searches counted are the gap's cluster (same words, same region) from its first unmet search on,
 * with results or without, as far as the log still holds them.
 */
export async function gapHistories(db: Db, ids: number[], o: HistoryOptions = {}): Promise<Map<number, GapHistory>> {
  if (!ids.length) return new Map();
  const now = o.now ?? new Date();
  // Counted from where the log begins even before the worker has removed what is older.
  const logSince = logStart(o, now);
  const rows = await db.$queryRawUnsafe<{ id: number; first_seen: Date; question_at: Date; answered_at: Date; before_searches: bigint; before_zero: bigint; after_searches: bigint; after_zero: bigint }[]>(
    `SELECT g.id, g.first_seen, coalesce(a.created_at, g.decided_at, p.answered_at) AS question_at, p.answered_at,
       count(l.id) FILTER (WHERE l.created_at < p.answered_at) AS before_searches,
       count(l.id) FILTER (WHERE l.created_at < p.answered_at AND l.hits = 0) AS before_zero,
       count(l.id) FILTER (WHERE l.created_at >= p.answered_at) AS after_searches,
       count(l.id) FILTER (WHERE l.created_at >= p.answered_at AND l.hits = 0) AS after_zero
     FROM content_gaps g
     CROSS JOIN LATERAL (SELECT min(e.created_at) AS answered_at FROM audit_events e
       WHERE e.article_id = g.article_id AND e.action = ANY($2::text[])) p
     LEFT JOIN articles a ON a.id = g.article_id
     LEFT JOIN search_log l ON l.gap_key = g.key AND l.gap_region = g.region
       AND l.created_at >= greatest(g.first_seen, $4) AND l.created_at < $3
     WHERE g.id = ANY($1::int[]) AND g.article_id IS NOT NULL AND p.answered_at IS NOT NULL
     GROUP BY g.id, a.created_at, p.answered_at`,
    ids,
    Object.values(PUBLISH_ACTIONS),
    now,
    logSince,
  );
  return new Map(
    rows.map((r) => [
      r.id,
      gapHistory({
        firstSearchAt: r.first_seen,
        questionAt: r.question_at,
        answeredAt: r.answered_at,
        now,
        logSince,
        before: { searches: Number(r.before_searches), zeroHits: Number(r.before_zero) },
        after: { searches: Number(r.after_searches), zeroHits: Number(r.after_zero) },
      }),
    ]),
  );
}

export type GapDetail = Omit<Gap, "id"> & {
  id: number;
  firstSeen: string;
  lastSeen: string;
  decidedAt: string | null;
  /** The question made of it, while it exists. */
  article: { slug: string; title: string; state: string; createdAt: string } | null;
  /** Its searches per day or week since the first one the log still holds, with and without results. */
  series: Series;
};

/** One gap with its whole story (any state): counts over the retention window, history, series. */
export async function gapDetail(db: Db, id: number, o: HistoryOptions = {}): Promise<GapDetail | null> {
  const g = await db.contentGap.findUnique({ where: { id } });
  if (!g) return null;
  const now = o.now ?? new Date();
  const article = g.articleId ? await db.article.findUnique({ where: { id: g.articleId }, select: { slug: true, title: true, state: true, createdAt: true } }) : null;
  const history = (await gapHistories(db, [id], { ...o, now })).get(id) ?? null;
  const from = new Date(Math.max(g.firstSeen.getTime(), logStart(o, now).getTime()));
  const days = await db.$queryRawUnsafe<{ day: Date; searches: bigint; zero: bigint }[]>(
    `SELECT ${chinaDateSql("created_at")} AS day, count(*) AS searches, count(*) FILTER (WHERE hits = 0) AS zero
     FROM search_log WHERE gap_key = $1 AND gap_region = $2 AND created_at >= $3 AND created_at < $4
     GROUP BY 1 ORDER BY 1`,
    g.key,
    g.region,
    from,
    now,
  );
  const questionAt = history ? new Date(history.questionAt) : g.state === GapState.converted ? (article?.createdAt ?? g.decidedAt) : null;
  return {
    id: g.id,
    query: g.query,
    region: g.region,
    searches: g.searches,
    zeroHits: g.zeroHits,
    noClicks: g.noClicks,
    cause: g.cause,
    state: g.state,
    articleSlug: article?.slug ?? null,
    history,
    firstSeen: g.firstSeen.toISOString(),
    lastSeen: g.lastSeen.toISOString(),
    decidedAt: g.decidedAt?.toISOString() ?? null,
    article: article && { slug: article.slug, title: article.title, state: article.state, createdAt: article.createdAt.toISOString() },
    series: historySeries(
      days.map((d) => ({ day: d.day.toISOString().slice(0, 10), searches: Number(d.searches), zeroHits: Number(d.zero) })),
      { from, now, questionAt, answeredAt: history ? new Date(history.answeredAt) : null },
    ),
  };
}

export type ConvertedGap = { id: number; query: string; region: string; searches: number; decidedAt: string | null; article: { slug: string; title: string; state: string } | null; history: GapHistory | null };

/**
 * The gaps made into questions, latest first, with their histories once answered (the dashboard's
 * follow-up list); `region` as in listGaps (a province includes its cities).
 */
export async function listConvertedGaps(db: Db, o: HistoryOptions & { limit?: number; region?: string } = {}): Promise<ConvertedGap[]> {
  const region = o.region ? scopeWhere(o.region) : {};
  const gaps = await db.contentGap.findMany({ where: { state: GapState.converted, ...region }, orderBy: [{ decidedAt: "desc" }, { id: "desc" }], take: o.limit ?? 20 });
  const ids = gaps.map((g) => g.articleId).filter((a): a is string => !!a);
  const [articles, histories] = await Promise.all([
    db.article.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true, title: true, state: true } }),
    gapHistories(db, gaps.map((g) => g.id), o),
  ]);
  const byId = new Map(articles.map((a) => [a.id, a]));
  return gaps.map((g) => {
    const a = g.articleId ? byId.get(g.articleId) : undefined;
    return { id: g.id, query: g.query, region: g.region, searches: g.searches, decidedAt: g.decidedAt?.toISOString() ?? null, article: a ? { slug: a.slug, title: a.title, state: a.state } : null, history: histories.get(g.id) ?? null };
  });
}

/** Title of the question made from a gap: the wording readers used, as long as a title must be. */
export function gapTitle(query: string): string {
  const q = query.trim().slice(0, 100);
  return q.length >= 5 ? q : `关于“${q}”的问题`;
}

/** Turns an open gap into an unanswered question (it joins the advisors' queue); audited. */
export async function convertGap(db: Db, id: number, editor: Editor, topics: TopicVocabulary): Promise<{ slug: string; changed: Changed }> {
  const gap = await db.contentGap.findUnique({ where: { id } });
  if (!gap) throw new AppError("not_found", "找不到这个内容缺口。");
  if (gap.state !== GapState.open) throw new AppError("conflict", gap.state === GapState.converted ? "这个缺口已经转成了待解答问题。" : "这个缺口已被忽略。");
  const title = gapTitle(gap.query);
  const slug = await freeSlug(db, title);
  const articleId = await inTransaction(db, async (tx) => {
    const { id: articleId } = await createArticleTx(tx, {
      by: editor.id,
      article: newQuestion({ slug, title, region: gap.region, topics: inferTopics(title, topics) }),
    });
    const changed = await tx.contentGap.updateMany({ where: { id, state: GapState.open }, data: { state: GapState.converted, articleId, decidedBy: editor.id, decidedAt: new Date() } });
    if (!changed.count) throw new AppError("conflict", "这个缺口刚被别人处理了。");
    await tx.auditEvent.create({ data: { actor: editor.id, action: AUDIT.gapConvert, articleId, data: { gap: id, query: gap.query, region: gap.region, searches: gap.searches } } });
    return articleId;
  });
  return { slug, changed: { articleIds: [articleId], slugs: [slug] } };
}

export async function dismissGap(db: Db, id: number, editor: Editor): Promise<void> {
  await db.$transaction(async (tx) => {
    const changed = await tx.contentGap.updateMany({ where: { id, state: GapState.open }, data: { state: GapState.dismissed, decidedBy: editor.id, decidedAt: new Date() } });
    if (!changed.count) throw new AppError((await tx.contentGap.count({ where: { id } })) ? "conflict" : "not_found", "这个缺口不存在或已经处理过了。");
    await tx.auditEvent.create({ data: { actor: editor.id, action: AUDIT.gapDismiss, data: { gap: id } } });
  });
}

