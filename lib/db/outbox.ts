// The outbox table as a store: rows are written inside the transaction of the change they announce
// (lib/articles) and read in id order by each search feed (lib/outbox/search-feed.ts), which keeps its
// own position; NOTIFY wakes the worker when the transaction commits.
import type { Db, DbOrTx } from "./client.ts";
import type { Prisma } from "./generated/client.ts";

export const OUTBOX_CHANNEL = "outbox";

// Writers take this transaction lock before their insert, so that ids are assigned in commit order: a
// feed that has read up to id N can never later find a smaller id committed behind it.
const ORDER_LOCK = "SELECT pg_advisory_xact_lock(1497518401, hashtext('outbox-order'))";

/** Statements that announce changed articles; put them last in the transaction of the change. */
export function enqueueArticles(db: DbOrTx, articleIds: string[]): Prisma.PrismaPromise<unknown>[] {
  if (!articleIds.length) return [];
  return [
    db.$executeRawUnsafe(ORDER_LOCK),
    db.$executeRawUnsafe(`INSERT INTO outbox (article_id) SELECT unnest($1::uuid[])`, articleIds),
    db.$executeRawUnsafe(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`),
  ];
}

/** `createdAt`: when the change committed (publish → searchable is measured from it). */
export type OutboxRow = { id: bigint; articleId: string; createdAt: Date };

/** Up to `limit` rows after `position`, oldest first. */
export async function outboxAfter(db: Db, position: bigint, limit: number): Promise<OutboxRow[]> {
  const rows = await db.$queryRawUnsafe<{ id: bigint; article_id: string; created_at: Date }[]>(
    `SELECT id, article_id, created_at FROM outbox WHERE id > $1 ORDER BY id LIMIT $2`,
    position,
    limit,
  );
  return rows.map((r) => ({ id: r.id, articleId: r.article_id, createdAt: r.created_at }));
}

/** app_state key: the highest outbox id deleted because every live feed had passed it. */
export const OUTBOX_PRUNED_KEY = "outbox_pruned_upto";

/** The newest id committed so far (0 for none), pruned rows included. */
export async function outboxHead(db: Db): Promise<bigint> {
  const [r] = await db.$queryRawUnsafe<{ head: bigint }[]>(
    `SELECT greatest(coalesce((SELECT max(id) FROM outbox), 0), coalesce((SELECT value::bigint FROM app_state WHERE key = $1), 0)) AS head`,
    OUTBOX_PRUNED_KEY,
  );
  return r?.head ?? 0n;
}

/** Rows not yet pruned, and search feeds whose last pass failed. */
export async function outboxStats(db: Db): Promise<{ pending: number; failing: number }> {
  const [r] = await db.$queryRawUnsafe<{ pending: bigint; failing: bigint }[]>(
    `SELECT (SELECT count(*) FROM outbox) AS pending, (SELECT count(*) FROM search_feeds WHERE last_error IS NOT NULL) AS failing`,
  );
  return { pending: Number(r?.pending ?? 0), failing: Number(r?.failing ?? 0) };
}
