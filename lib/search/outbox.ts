// Applies search_outbox rows to Meilisearch. Idempotent: each row says which slug changed; the document
// is rebuilt from Postgres at drain time, so replaying a row (after a crash) sends the same state again.
import { articlesBySlug } from "../articles/read.ts";
import type { Db } from "../db/client.ts";
import { removeDocuments, replaceDocuments, type SearchIndex } from "./client.ts";
import { toSearchDocument } from "./document.ts";

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
