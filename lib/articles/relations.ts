// Stores computed related questions (lib/related) in Postgres: for the changed articles and for the
// articles whose neighbours changed. Everything is recomputed when the algorithm or synonyms change.
import { createHash } from "node:crypto";
import type { Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { buildRelationIndex, computeRelations, type RelItem } from "../related/compute.ts";

const ALGORITHM_VERSION = "1";
const STATE_KEY = "relations_version";

export type RelationsReport = { computed: number; all: boolean };

export async function refreshRelations(
  db: Db,
  changes: { changed: string[]; deleted: string[]; synonyms: string[][] },
  onProgress?: (done: number, total: number) => void,
): Promise<RelationsReport> {
  const version = createHash("sha256").update(ALGORITHM_VERSION).update(JSON.stringify(changes.synonyms)).digest("hex").slice(0, 16);
  const state = await db.appState.findUnique({ where: { key: STATE_KEY } });
  const all = state?.value !== version;
  if (!all && changes.changed.length === 0 && changes.deleted.length === 0) return { computed: 0, all };

  const items = await db.$queryRawUnsafe<RelItem[]>(
    `SELECT slug, title, question, topics, region, insurance, year, status, related FROM articles WHERE status <> 'draft'`,
  );
  const ix = buildRelationIndex(items, changes.synonyms);
  let targets: Set<string>;
  if (all) targets = new Set(ix.items.keys());
  else {
    const touched = [...changes.changed, ...changes.deleted];
    const neighbours = await db.$queryRawUnsafe<{ slug: string }[]>(
      `SELECT DISTINCT slug FROM article_relations WHERE related_slug = ANY($1::text[])`,
      touched,
    );
    targets = new Set([...changes.changed.filter((s) => ix.items.has(s)), ...neighbours.map((n) => n.slug)]);
    // A changed article may now belong in its new neighbours' lists too.
    for (const s of changes.changed) {
      if (!ix.items.has(s)) continue;
      const r = computeRelations(ix, s);
      for (const x of [...r.related, ...r.duplicates]) targets.add(x.slug);
    }
  }

  const rows: { slug: string; related_slug: string; kind: string; position: number; score: number }[] = [];
  let done = 0;
  for (const slug of targets) {
    const r = computeRelations(ix, slug);
    r.related.forEach((x, i) => rows.push({ slug, related_slug: x.slug, kind: "related", position: i + 1, score: x.score }));
    r.duplicates.forEach((x, i) => rows.push({ slug, related_slug: x.slug, kind: "duplicate", position: i + 1, score: x.score }));
    if (++done % 2000 === 0) onProgress?.(done, targets.size);
  }
  onProgress?.(targets.size, targets.size);

  const slugs = [...targets];
  const statements: Prisma.PrismaPromise<unknown>[] = [
    all
      ? db.$executeRawUnsafe(`DELETE FROM article_relations`)
      : db.$executeRawUnsafe(`DELETE FROM article_relations WHERE slug = ANY($1::text[])`, [...slugs, ...changes.changed]),
  ];
  for (let i = 0; i < rows.length; i += 5000) {
    statements.push(
      db.$executeRawUnsafe(
        `INSERT INTO article_relations (slug, related_slug, kind, position, score)
         SELECT slug, related_slug, kind, position, score
         FROM jsonb_to_recordset($1::jsonb) AS x(slug text, related_slug text, kind text, position int, score float8)`,
        JSON.stringify(rows.slice(i, i + 5000)),
      ),
    );
  }
  statements.push(
    db.appState.upsert({ where: { key: STATE_KEY }, create: { key: STATE_KEY, value: version }, update: { value: version, updatedAt: new Date() } }),
  );
  // A full recompute replaces every row at once (about a million at 100,000 articles): no 5 s default.
  await db.$transaction(statements, { timeout: 10 * 60_000 });
  return { computed: targets.size, all };
}

/** Related and duplicate lists of one article, in order, with titles and status. */
export async function relationsOf(db: Db, slug: string) {
  const rows = await db.articleRelation.findMany({
    where: { slug, to: { status: { not: "draft" } } },
    orderBy: { position: "asc" },
    include: { to: { select: { slug: true, title: true, status: true, region: true, insurance: true, topics: true, year: true } } },
  });
  return {
    related: rows.filter((r) => r.kind === "related").map((r) => r.to),
    duplicates: rows.filter((r) => r.kind === "duplicate").map((r) => r.to),
  };
}
