// The advisors' queue: questions waiting for an answer, with who is working on each (a soft lock that
// expires) and how often readers searched for something like it (the demand signal, from the search log).
import "server-only";
import type { Db } from "../db/client.ts";
import { AUDIT } from "../domain/audit-actions.ts";
import { chinaTime } from "../domain/dates.ts";
import { AppError } from "../domain/errors.ts";
import { OPEN } from "../domain/visibility.ts";
import { normalizeQuery } from "../query/normalize.ts";
import type { Editor } from "./session.ts";

export const CLAIM_MINUTES = 30;

export type QueueFilters = { region?: string; topic?: string; insurance?: string };

function bigrams(s: string): Set<string> {
  const t = s.replace(/[^\u4e00-\u9fff]/g, "");
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

/** Searches in the last 180 days whose words largely overlap the question's. */
function demandOf(title: string, searches: { query: string; n: number; grams: Set<string> }[]): number {
  const mine = bigrams(normalizeQuery(title).text);
  if (!mine.size) return 0;
  let total = 0;
  for (const s of searches) {
    if (!s.grams.size) continue;
    let common = 0;
    for (const g of s.grams) if (mine.has(g)) common++;
    if (common / s.grams.size >= 0.6) total += s.n;
  }
  return total;
}

export async function listQueue(db: Db, f: QueueFilters = {}) {
  const articles = await db.article.findMany({
    where: {
      state: OPEN,
      ...(f.region ? { OR: [{ region: f.region }, { provinceCode: f.region }, { cityCode: f.region }] } : {}),
      ...(f.topic ? { topics: { has: f.topic } } : {}),
      ...(f.insurance ? { insurance: { has: f.insurance } } : {}),
    },
    select: { id: true, slug: true, title: true, region: true, topics: true, insurance: true, state: true, createdAt: true },
  });
  const claims = await db.claim.findMany({ where: { articleId: { in: articles.map((a) => a.id) }, expiresAt: { gt: new Date() } } });
  const inReview = new Set((await db.review.findMany({ where: { status: "pending", articleId: { in: articles.map((a) => a.id) } }, select: { articleId: true } })).map((r) => r.articleId));
  const users = new Map((await db.user.findMany({ where: { id: { in: claims.map((c) => c.userId) } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const claimOf = new Map(claims.map((c) => [c.articleId, { by: users.get(c.userId) ?? c.userId, userId: c.userId, until: c.expiresAt.toISOString() }]));
  const since = new Date(Date.now() - 180 * 86_400_000);
  const logged = await db.$queryRawUnsafe<{ query: string; n: bigint }[]>(
    `SELECT query, count(*) AS n FROM search_log WHERE created_at >= $1 GROUP BY query ORDER BY n DESC LIMIT 5000`,
    since,
  );
  const searches = logged.map((r) => ({ query: r.query, n: Number(r.n), grams: bigrams(normalizeQuery(r.query).text) }));
  // A question made from a content gap carries the searches filed under that gap.
  const fromGaps = await gapDemand(db, articles.map((a) => a.id));
  return articles
    .map((a) => ({ slug: a.slug, title: a.title, region: a.region, topics: a.topics, insurance: a.insurance, state: a.state, demand: Math.max(demandOf(a.title, searches), fromGaps.get(a.id) ?? 0), fromGap: fromGaps.has(a.id), claimedBy: claimOf.get(a.id), inReview: inReview.has(a.id) }))
    .sort((a, b) => b.demand - a.demand || a.title.localeCompare(b.title, "zh"));
}

/**
 * Takes (or renews) the question for the caller; someone else's live claim is a conflict. One statement
 * decides: the row is written only when it is free, expired or already the caller's, so of several
 * advisors claiming at once exactly one becomes the owner (and the audit log names that one).
 */
export async function claimQuestion(db: Db, slug: string, editor: Editor) {
  const article = await db.article.findUnique({ where: { slug }, select: { id: true } });
  if (!article) throw new AppError("not_found", `找不到问题 ${slug}。`);
  const until = new Date(Date.now() + CLAIM_MINUTES * 60_000);
  return db.$transaction(async (tx) => {
    // expires_at is a UTC timestamp without time zone, as Prisma writes it ('…Z'::timestamp drops the Z).
    const won = await tx.$queryRaw<{ user_id: string }[]>`
      INSERT INTO claims (article_id, user_id, expires_at) VALUES (${article.id}::uuid, ${editor.id}, ${until.toISOString()}::timestamp)
      ON CONFLICT (article_id) DO UPDATE SET user_id = EXCLUDED.user_id, expires_at = EXCLUDED.expires_at
      WHERE claims.user_id = EXCLUDED.user_id OR claims.expires_at <= (now() AT TIME ZONE 'UTC')
      RETURNING user_id`;
    if (!won.length) {
      const held = await tx.claim.findUnique({ where: { articleId: article.id } });
      const who = held ? await tx.user.findUnique({ where: { id: held.userId }, select: { name: true } }) : null;
      const time = held ? `（到北京时间 ${chinaTime(held.expiresAt)}）` : "";
      throw new AppError("conflict", `${who?.name ?? "另一位顾问"}正在解答这个问题${time}。`);
    }
    await tx.auditEvent.create({ data: { actor: editor.id, action: AUDIT.questionClaim, articleId: article.id, data: { until: until.toISOString() } } });
    return { until: until.toISOString() };
  });
}

/** Searches filed under the gaps that became these questions: the demand the advisors' queue shows. */
async function gapDemand(db: Db, articleIds: string[]): Promise<Map<string, number>> {
  if (!articleIds.length) return new Map();
  const rows = await db.contentGap.findMany({ where: { articleId: { in: articleIds } }, select: { articleId: true, searches: true } });
  return new Map(rows.map((r) => [r.articleId!, r.searches]));
}
