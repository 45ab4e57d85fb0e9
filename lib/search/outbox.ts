// Applies search_outbox rows to Meilisearch. Idempotent: each row says which slug changed; the document
// is rebuilt from Postgres at drain time, so replaying a row (after a crash) sends the same state again.
import { articlesBySlug } from "../articles/read.ts";
import type { Db } from "../db/client.ts";
import { removeDocuments, replaceDocuments, type SearchIndex } from "./client.ts";
import { SEARCH_DOCUMENT_VERSION, toSearchDocument } from "./document.ts";

const VERSION_KEY = "search_document_version";

/**
 * Queues every public article when the index no longer matches Postgres wholesale: the document shape
 * changed (SEARCH_DOCUMENT_VERSION) or the index is empty while articles exist (a new or wiped
 * Meilisearch). Returns how many were queued.
 */
export async function requeueIfStale(db: Db, index: SearchIndex): Promise<number> {
  const state = await db.appState.findUnique({ where: { key: VERSION_KEY } });
  let stale = state?.value !== SEARCH_DOCUMENT_VERSION;
  if (!stale) {
    const stats = await index.getStats();
    stale = stats.numberOfDocuments === 0 && !stats.isIndexing && (await pendingOutbox(db)) === 0 &&
      (await db.article.count({ where: { status: { not: "draft" } } })) > 0;
  }
  if (!stale) return 0;
  const [queued] = await db.$transaction([
    db.$executeRawUnsafe(`INSERT INTO search_outbox (slug, op) SELECT slug, 'upsert' FROM articles WHERE status <> 'draft'`),
    db.appState.upsert({ where: { key: VERSION_KEY }, create: { key: VERSION_KEY, value: SEARCH_DOCUMENT_VERSION }, update: { value: SEARCH_DOCUMENT_VERSION, updatedAt: new Date() } }),
  ]);
  return queued;
}

export type DrainReport = { rows: number; upserted: number; deleted: number };

export async function pendingOutbox(db: Db): Promise<number> {
  const [r] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM search_outbox`);
  return Number(r?.n ?? 0);
}

export async function drainOutbox(
  db: Db,
  index: SearchIndex,
  opts: { batchSize?: number; onBatch?: (done: number) => void } = {},
): Promise<DrainReport> {
  const batchSize = opts.batchSize ?? 2000;
  const report: DrainReport = { rows: 0, upserted: 0, deleted: 0 };
  for (;;) {
    const rows = await db.$queryRawUnsafe<{ id: bigint; slug: string; op: string }[]>(
      `SELECT id, slug, op FROM search_outbox ORDER BY id LIMIT $1`,
      batchSize,
    );
    if (!rows.length) return report;
    // Only the last row per slug matters within a batch.
    const last = new Map<string, string>();
    for (const r of rows) last.set(r.slug, r.op);
    const wanted = [...last].filter(([, op]) => op === "upsert").map(([slug]) => slug);
    const found = (await articlesBySlug(db, wanted)).filter((a) => a.status !== "draft");
    const foundSlugs = new Set(found.map((a) => a.slug));
    // An upsert whose article has since disappeared (or become a draft) is a delete.
    const deletes = [...last.keys()].filter((slug) => !foundSlugs.has(slug));
    await replaceDocuments(index, found.map(toSearchDocument));
    await removeDocuments(index, deletes);
    await db.$executeRawUnsafe(`DELETE FROM search_outbox WHERE id = ANY($1::bigint[])`, rows.map((r) => r.id.toString()));
    report.rows += rows.length;
    report.upserted += found.length;
    report.deleted += deletes.length;
    opts.onBatch?.(report.rows);
  }
}
