// Related questions (lib/related, pure) stored in Postgres. Every save marks its articles dirty in the
// same transaction; this recomputes the lists of the dirty articles and of their neighbours, then
// clears exactly the marks it saw, so a crash at any point leaves the marks for the next run.
import "server-only";
import { createHash } from "node:crypto";
import { setImmediate as breathe } from "node:timers/promises";
import type { Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { answeredSql, publicSql, publicWhere } from "../domain/visibility.ts";
import { buildRelationIndex, computeRelations, type RelItem } from "../related/compute.ts";

const ALGORITHM_VERSION = "1";
const STATE_KEY = "relations_version";
/**
 * Up to this many public articles every pass recomputes every list (about 0.7 ms an article): the
 * lists are then exactly what a fresh computation over the whole corpus gives, whatever happened before
 * (a crash, edits in any order). Above it, only the dirty articles and their neighbours are recomputed,
 * and untouched lists keep the weights of the corpus they were computed on.
 */
export const FULL_RECOMPUTE_MAX = 5000;

/** `changed`: the articles whose lists came out different (their cached pages must be refreshed). */
export type RelationsReport = { computed: number; all: boolean; changed: string[] };

export async function refreshRelations(db: Db, synonyms: string[][], onProgress?: (done: number, total: number) => void): Promise<RelationsReport> {
  const version = createHash("sha256").update(ALGORITHM_VERSION).update(JSON.stringify(synonyms)).digest("hex").slice(0, 16);
  const state = await db.appState.findUnique({ where: { key: STATE_KEY } });
  const all = state?.value !== version;
  const dirty = await db.$queryRawUnsafe<{ id: string; slug: string; at: string }[]>(
    `SELECT id, slug, relations_dirty_at::text AS at FROM articles WHERE relations_dirty_at IS NOT NULL`,
  );
  if (!all && dirty.length === 0) return { computed: 0, all, changed: [] };

  // In slug order: candidate lists are bounded, so the order of the corpus must not depend on Postgres.
  const items = await db.$queryRawUnsafe<(RelItem & { id: string })[]>(
    `SELECT id, slug, title, question, topics, region, insurance, year, ${answeredSql()} AS answered, related
     FROM articles WHERE ${publicSql()} ORDER BY slug`,
  );
  const idOf = new Map(items.map((i) => [i.slug, i.id]));
  const ix = buildRelationIndex(items, synonyms);
  const full = all || items.length <= FULL_RECOMPUTE_MAX;
  let targets: Set<string>;
  if (full) targets = new Set(ix.items.keys());
  else {
    const neighbours = await db.$queryRawUnsafe<{ slug: string }[]>(
      `SELECT DISTINCT a.slug FROM article_relations r JOIN articles a ON a.id = r.article_id WHERE r.related_id = ANY($1::uuid[])`,
      dirty.map((d) => d.id),
    );
    targets = new Set([...dirty.map((d) => d.slug).filter((s) => ix.items.has(s)), ...neighbours.map((n) => n.slug).filter((s) => ix.items.has(s))]);
    // A changed article may now belong in its new neighbours' lists too.
    for (const d of dirty) {
      if (!ix.items.has(d.slug)) continue;
      const r = computeRelations(ix, d.slug);
      for (const x of [...r.related, ...r.duplicates]) targets.add(x.slug);
    }
  }

  const rows: { article_id: string; related_id: string; kind: string; position: number; score: number }[] = [];
  let done = 0;
  for (const slug of targets) {
    const r = computeRelations(ix, slug);
    const article_id = idOf.get(slug)!;
    r.related.forEach((x, i) => rows.push({ article_id, related_id: idOf.get(x.slug)!, kind: "related", position: i + 1, score: x.score }));
    r.duplicates.forEach((x, i) => rows.push({ article_id, related_id: idOf.get(x.slug)!, kind: "duplicate", position: i + 1, score: x.score }));
    // Long recomputations give the event loop back now and then: the search feed shares this process.
    if (++done % 500 === 0) {
      onProgress?.(done, targets.size);
      await breathe();
    }
  }
  onProgress?.(targets.size, targets.size);

  const replaced = [...new Set([...[...targets].map((s) => idOf.get(s)!), ...dirty.map((d) => d.id)])];
  const changed = await changedLists(db, full ? null : replaced, rows);
  const statements: Prisma.PrismaPromise<unknown>[] = [
    full
      ? db.$executeRawUnsafe(`DELETE FROM article_relations`)
      : db.$executeRawUnsafe(`DELETE FROM article_relations WHERE article_id = ANY($1::uuid[])`, replaced),
  ];
  for (let i = 0; i < rows.length; i += 5000) {
    statements.push(
      db.$executeRawUnsafe(
        `INSERT INTO article_relations (article_id, related_id, kind, position, score)
         SELECT article_id, related_id, kind, position, score
         FROM jsonb_to_recordset($1::jsonb) AS x(article_id uuid, related_id uuid, kind text, position int, score float8)
         ON CONFLICT DO NOTHING`,
        JSON.stringify(rows.slice(i, i + 5000)),
      ),
    );
  }
  // Only the marks seen at the start: an article marked again meanwhile keeps its (newer) mark.
  statements.push(
    db.$executeRawUnsafe(
      `UPDATE articles a SET relations_dirty_at = NULL FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, at text)
       WHERE a.id = x.id AND a.relations_dirty_at::text = x.at`,
      JSON.stringify(dirty.map(({ id, at }) => ({ id, at }))),
    ),
    db.appState.upsert({ where: { key: STATE_KEY }, create: { key: STATE_KEY, value: version }, update: { value: version, updatedAt: new Date() } }),
  );
  // A full recompute replaces every row at once (about a million at 100,000 articles): no 5 s default.
  await db.$transaction(statements, { timeout: 10 * 60_000, maxWait: 30_000 });
  return { computed: targets.size, all: full, changed };
}

type RelationRow = { article_id: string; related_id: string; kind: string; position: number };

/** Articles (among `ids`, or all when null) whose stored lists differ from the new rows. */
async function changedLists(db: Db, ids: string[] | null, rows: RelationRow[]): Promise<string[]> {
  const old = await db.$queryRawUnsafe<RelationRow[]>(
    `SELECT article_id::text, related_id::text, kind, position FROM article_relations${ids ? ` WHERE article_id = ANY($1::uuid[])` : ""}`,
    ...(ids ? [ids] : []),
  );
  const signature = (list: RelationRow[]) => {
    const by = new Map<string, string[]>();
    for (const r of [...list].sort((a, b) => a.kind.localeCompare(b.kind) || a.position - b.position)) {
      const k = r.article_id;
      if (!by.has(k)) by.set(k, []);
      by.get(k)!.push(`${r.kind}:${r.related_id}`);
    }
    return new Map([...by].map(([k, v]) => [k, v.join(",")]));
  };
  const before = signature(old);
  const after = signature(rows);
  const keys = new Set([...before.keys(), ...after.keys(), ...(ids ?? [])]);
  return [...keys].filter((k) => (before.get(k) ?? "") !== (after.get(k) ?? ""));
}

/** Whether any article waits for its related questions. */
export async function relationsPending(db: Db): Promise<boolean> {
  return (await db.article.count({ where: { relationsDirtyAt: { not: null } }, take: 1 })) > 0;
}

/** Related and duplicate lists of one article, in order, public articles only. */
export async function relationsOf(db: Db, articleId: string) {
  const rows = await db.articleRelation.findMany({
    where: { articleId, to: publicWhere },
    orderBy: { position: "asc" },
    include: { to: { select: { id: true, slug: true, title: true, state: true, region: true, insurance: true, topics: true, year: true } } },
  });
  return {
    related: rows.filter((r) => r.kind === "related").map((r) => r.to),
    duplicates: rows.filter((r) => r.kind === "duplicate").map((r) => r.to),
  };
}

/** The neighbours search shows beside narrow results (lib/search's `neighbours` dependency). */
export function neighboursIn(db: Db) {
  return async (articleId: string) => {
    const r = await relationsOf(db, articleId);
    return [...r.duplicates, ...r.related];
  };
}
