// The outbox table as a store: rows are written inside the transaction of the change they announce
// (lib/articles), and claimed, retried and removed by the worker (lib/outbox). NOTIFY wakes the worker
// when the transaction commits.
import type { Db, DbOrTx } from "./client.ts";
import type { Prisma } from "./generated/client.ts";

export const OUTBOX_CHANNEL = "outbox";

/** Statements that announce changed articles; put them in the same transaction as the change. */
export function enqueueArticles(db: DbOrTx, articleIds: string[]): Prisma.PrismaPromise<unknown>[] {
  if (!articleIds.length) return [];
  return [
    db.$executeRawUnsafe(`INSERT INTO outbox (article_id) SELECT unnest($1::uuid[])`, articleIds),
    db.$executeRawUnsafe(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`),
  ];
}

export type OutboxRow = { id: string; articleId: string; attempts: number };

/**
 * Claims up to `limit` due rows for `leaseMs`: rows locked by another claimer are skipped, and a claim
 * whose holder died expires with its lease. Oldest first.
 */
export async function claimOutbox(db: Db, limit: number, leaseMs: number): Promise<OutboxRow[]> {
  const rows = await db.$queryRawUnsafe<{ id: bigint; article_id: string; attempts: number }[]>(
    `UPDATE outbox o SET claimed_until = now() + $2 * interval '1 millisecond', attempts = o.attempts + 1
     FROM (SELECT id FROM outbox
           WHERE available_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
           ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED) due
     WHERE o.id = due.id
     RETURNING o.id, o.article_id, o.attempts`,
    limit,
    leaseMs,
  );
  return rows.map((r) => ({ id: r.id.toString(), articleId: r.article_id, attempts: r.attempts })).sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)));
}

export async function completeOutbox(db: Db, ids: string[]) {
  if (ids.length) await db.$executeRawUnsafe(`DELETE FROM outbox WHERE id = ANY($1::bigint[])`, ids);
}

/** Gives rows back with their error, due again after a backoff that grows with their attempts. */
export async function failOutbox(db: Db, ids: string[], error: string) {
  if (!ids.length) return;
  await db.$executeRawUnsafe(
    `UPDATE outbox SET claimed_until = NULL, last_error = $2,
       available_at = now() + least(300000, 250 * power(2, least(attempts, 12))) * interval '1 millisecond'
     WHERE id = ANY($1::bigint[])`,
    ids,
    error.slice(0, 2000),
  );
}

export async function outboxStats(db: Db): Promise<{ pending: number; failing: number; maxId: string | null }> {
  const [r] = await db.$queryRawUnsafe<{ pending: bigint; failing: bigint; max_id: bigint | null }[]>(
    `SELECT count(*) AS pending, count(*) FILTER (WHERE last_error IS NOT NULL) AS failing, max(id) AS max_id FROM outbox`,
  );
  return { pending: Number(r?.pending ?? 0), failing: Number(r?.failing ?? 0), maxId: r?.max_id?.toString() ?? null };
}

/** True when no row up to `id` remains (everything announced before it has been applied). */
export async function outboxDoneUpTo(db: Db, id: string): Promise<boolean> {
  const [r] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM outbox WHERE id <= $1::bigint`, id);
  return Number(r?.n ?? 0) === 0;
}
