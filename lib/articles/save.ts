// The one save path for whole articles: rows, the answers' new revisions, the outbox row and the
// related-questions dirty marker, in one transaction per batch. The file channel (lib/content/ingest)
// calls it with up to a thousand articles at once; the web app with one. Set-based SQL keeps a batch
// of a thousand to a handful of statements.
import "server-only";
import type { Db, DbOrTx } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { enqueueArticles } from "../db/outbox.ts";
import type { Origin } from "../domain/schema.ts";
import { markdownToPlain } from "../markdown/plain.ts";
import { getRegion } from "../regions/index.ts";
import { type ArticleRecord, articleHash, revisionHash } from "./record.ts";

export type SaveItem = {
  /** The article's stable id (crypto.randomUUID() for a new one). */
  id: string;
  record: ArticleRecord;
  origin: Origin;
  /** Who wrote the revisions this save creates: "file:<path>" or an account id. */
  by: string;
  /** File channel: the file and what it looked like when read. */
  file?: { path: string; hash: string; mtime: number; size: number };
  /** Edit summary of the revisions this save creates. */
  summary?: string;
};

/** Lower-cased plain text for the Postgres fallback search (lib/search/fallback.ts). */
export function searchText(r: Pick<ArticleRecord, "title" | "question" | "topics" | "answers"> & { aliases?: string[] }): string {
  return [r.title, ...(r.aliases ?? []), r.question ?? "", r.topics.join(" "), ...r.answers.map((x) => markdownToPlain(x.body))].join("\n").toLowerCase();
}

// One JSON parameter per statement: jsonb_to_recordset turns it into rows (JSON arrays become text[]).
// A row of the other channel is never overwritten: the WHERE of the upsert leaves it as it is.
const UPSERT_ARTICLES = `
INSERT INTO articles (id, slug, origin, state, source_path, source_hash, source_mtime, source_size, content_hash,
  title, question, region, province_code, city_code, insurance, topics, year, published, updated, related,
  aliases, citations, source, search_text, relations_dirty_at, updated_at)
SELECT id, slug, origin, state, source_path, source_hash, source_mtime, source_size, content_hash,
  title, question, region, province_code, city_code, insurance, topics, year, published, updated, related,
  aliases, citations, source, search_text, now(), now()
FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, slug text, origin origin, state article_state, source_path text,
  source_hash text, source_mtime float8, source_size int, content_hash text, title text, question text,
  region text, province_code text, city_code text, insurance text[], topics text[], year int, published date,
  updated date, related text[], aliases text[], citations jsonb, source text, search_text text)
ON CONFLICT (id) DO UPDATE SET slug = EXCLUDED.slug, state = EXCLUDED.state,
  source_path = coalesce(EXCLUDED.source_path, articles.source_path),
  source_hash = EXCLUDED.source_hash, source_mtime = EXCLUDED.source_mtime, source_size = EXCLUDED.source_size,
  content_hash = EXCLUDED.content_hash, title = EXCLUDED.title, question = EXCLUDED.question,
  region = EXCLUDED.region, province_code = EXCLUDED.province_code, city_code = EXCLUDED.city_code,
  insurance = EXCLUDED.insurance, topics = EXCLUDED.topics, year = EXCLUDED.year, published = EXCLUDED.published,
  updated = EXCLUDED.updated, related = EXCLUDED.related, aliases = EXCLUDED.aliases, citations = EXCLUDED.citations, source = EXCLUDED.source,
  search_text = EXCLUDED.search_text, relations_dirty_at = now(), updated_at = now()
WHERE articles.origin = EXCLUDED.origin`;

// The slug an article leaves keeps answering (308) for it; a slug taken (back) is no redirect any more.
const RECORD_REDIRECTS = `
INSERT INTO slug_redirects (slug, article_id)
SELECT a.slug, a.id FROM articles a JOIN jsonb_to_recordset($1::jsonb) AS x(id uuid, slug text) ON a.id = x.id
WHERE a.slug <> x.slug
ON CONFLICT (slug) DO UPDATE SET article_id = EXCLUDED.article_id, created_at = now()`;

const DROP_EXTRA_ANSWERS = `
DELETE FROM answers a USING jsonb_to_recordset($1::jsonb) AS x(id uuid, answers int)
WHERE a.article_id = x.id AND a.position > x.answers`;

const ADD_ANSWER_SLOTS = `
INSERT INTO answers (article_id, position)
SELECT article_id, position FROM jsonb_to_recordset($1::jsonb) AS x(article_id uuid, position int)
ON CONFLICT (article_id, position) DO NOTHING`;

/**
 * Publishes, for every answer whose content differs from what it shows now, a revision with that
 * content: its latest revision when that one already has it (a revision approved as it was written),
 * otherwise a new one numbered after it. An unchanged answer gets no revision.
 */
const PUBLISH_REVISIONS = `
WITH x AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(article_id uuid, position int, advisor_id text, date date,
    body text, citations jsonb, content_hash text, summary text, created_by text)
), target AS (
  SELECT a.id AS answer_id, x.*, last.id AS last_id, coalesce(last.number, 0) AS last_number, last.content_hash AS last_hash
  FROM x JOIN answers a ON a.article_id = x.article_id AND a.position = x.position
  LEFT JOIN answer_revisions cur ON cur.id = a.published_revision_id
  LEFT JOIN LATERAL (SELECT r.id, r.number, r.content_hash FROM answer_revisions r WHERE r.answer_id = a.id
                     ORDER BY r.number DESC LIMIT 1) last ON true
  WHERE cur.content_hash IS DISTINCT FROM x.content_hash
), ins AS (
  INSERT INTO answer_revisions (answer_id, number, advisor_id, date, body, citations, content_hash, summary, created_by)
  SELECT answer_id, last_number + 1, advisor_id, date, body, citations, content_hash, summary, created_by
  FROM target WHERE last_hash IS DISTINCT FROM content_hash
  RETURNING id, answer_id
), chosen AS (
  SELECT id, answer_id FROM ins
  UNION ALL SELECT last_id, answer_id FROM target WHERE last_hash = content_hash
)
UPDATE answers a SET published_revision_id = chosen.id, updated_at = now() FROM chosen WHERE a.id = chosen.answer_id`;

export function articleRow(item: SaveItem) {
  const r = item.record;
  const region = getRegion(r.region);
  return {
    id: item.id,
    slug: r.slug,
    origin: item.origin,
    state: r.state,
    source_path: item.file?.path ?? null,
    source_hash: item.file?.hash ?? null,
    source_mtime: item.file?.mtime ?? null,
    source_size: item.file?.size ?? null,
    content_hash: articleHash(r),
    title: r.title,
    question: r.question,
    region: r.region,
    province_code: region?.provinceCode ?? null,
    city_code: region?.cityCode ?? null,
    insurance: r.insurance,
    topics: r.topics,
    year: r.year,
    published: r.published,
    updated: r.updated,
    related: r.related,
    aliases: r.aliases,
    citations: r.citations,
    source: r.source,
    search_text: searchText(r),
  };
}

/** The statements that save `items`; run them in one transaction (saveArticles does). */
export function saveStatements(db: DbOrTx, items: SaveItem[]): Prisma.PrismaPromise<unknown>[] {
  if (!items.length) return [];
  const ids = items.map((i) => i.id);
  const slugs = JSON.stringify(items.map((i) => ({ id: i.id, slug: i.record.slug })));
  const revisions = items.flatMap((i) =>
    i.record.answers.map((x, n) => ({
      article_id: i.id,
      position: n + 1,
      advisor_id: x.advisor,
      date: x.date,
      body: x.body,
      citations: x.citations,
      content_hash: revisionHash(x),
      summary: i.summary ?? null,
      created_by: i.by,
    })),
  );
  return [
    db.$executeRawUnsafe(RECORD_REDIRECTS, slugs),
    db.$executeRawUnsafe(UPSERT_ARTICLES, JSON.stringify(items.map(articleRow))),
    db.$executeRawUnsafe(`DELETE FROM slug_redirects WHERE slug = ANY($1::text[])`, items.map((i) => i.record.slug)),
    db.$executeRawUnsafe(DROP_EXTRA_ANSWERS, JSON.stringify(items.map((i) => ({ id: i.id, answers: i.record.answers.length })))),
    db.$executeRawUnsafe(ADD_ANSWER_SLOTS, JSON.stringify(revisions.map(({ article_id, position }) => ({ article_id, position })))),
    db.$executeRawUnsafe(PUBLISH_REVISIONS, JSON.stringify(revisions)),
    ...enqueueArticles(db, ids),
  ];
}

export async function saveArticles(db: Db, items: SaveItem[]): Promise<void> {
  if (items.length) await db.$transaction(saveStatements(db, items), { timeout: 60_000, maxWait: 30_000 });
}

/** Deletes articles; their neighbours' related lists are recomputed, search forgets them. */
export async function deleteArticles(db: Db, ids: string[], origin: Origin): Promise<void> {
  if (!ids.length) return;
  await db.$transaction([
    db.$executeRawUnsafe(
      `UPDATE articles SET relations_dirty_at = now()
       WHERE id IN (SELECT article_id FROM article_relations WHERE related_id = ANY($1::uuid[]))`,
      ids,
    ),
    db.$executeRawUnsafe(`DELETE FROM articles WHERE id = ANY($1::uuid[]) AND origin = $2::origin`, ids, origin),
    ...enqueueArticles(db, ids),
  ], { timeout: 60_000, maxWait: 30_000 });
}

/** Records new mtimes for files whose content did not change (a checkout or copy touches every file). */
export async function touchFileSources(db: Db, files: { id: string; mtime: number; size: number }[]) {
  for (let i = 0; i < files.length; i += 5000) {
    await db.$executeRawUnsafe(
      `UPDATE articles a SET source_mtime = x.mtime, source_size = x.size
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, mtime float8, size int) WHERE a.id = x.id AND a.origin = 'file'`,
      JSON.stringify(files.slice(i, i + 5000)),
    );
  }
}
