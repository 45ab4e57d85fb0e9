// Writes articles in bulk, each batch with its search-outbox rows in the same transaction.
import type { Advisor, Article } from "../content/schema.ts";
import type { Db } from "../db/client.ts";
import { markdownToPlain } from "../markdown/plain.ts";
import { getRegion } from "../regions/index.ts";

/** Lower-cased plain text for the Postgres fallback search (see lib/search/fallback.ts). */
function searchText(a: Article): string {
  return [a.title, a.question ?? "", a.topics.join(" "), ...a.answers.map((x) => markdownToPlain(x.body))].join("\n").toLowerCase();
}

export type ChangedArticle = { article: Article; sourcePath: string; hash: string; mtime: number; size: number };

// One JSON parameter per batch: jsonb_to_recordset turns it into rows (JSON arrays become text[]),
// which keeps a 1,000-article batch to three statements.
const UPSERT_ARTICLES = `
INSERT INTO articles (slug, source_path, content_hash, source_mtime, source_size, title, question, region, province_code, city_code,
  insurance, topics, year, status, published, updated, related, citations, search_text, updated_at)
SELECT slug, source_path, content_hash, source_mtime, source_size, title, question, region, province_code, city_code,
  insurance, topics, year, status, published, updated, related, citations, search_text, now()
FROM jsonb_to_recordset($1::jsonb) AS x(slug text, source_path text, content_hash text, source_mtime float8,
  source_size int, title text, question text,
  region text, province_code text, city_code text, insurance text[], topics text[], year int, status text,
  published date, updated date, related text[], citations jsonb, search_text text)
ON CONFLICT (slug) DO UPDATE SET source_path = EXCLUDED.source_path, content_hash = EXCLUDED.content_hash,
  source_mtime = EXCLUDED.source_mtime, source_size = EXCLUDED.source_size,
  title = EXCLUDED.title, question = EXCLUDED.question, region = EXCLUDED.region,
  province_code = EXCLUDED.province_code, city_code = EXCLUDED.city_code, insurance = EXCLUDED.insurance,
  topics = EXCLUDED.topics, year = EXCLUDED.year, status = EXCLUDED.status, published = EXCLUDED.published,
  updated = EXCLUDED.updated, related = EXCLUDED.related, citations = EXCLUDED.citations,
  search_text = EXCLUDED.search_text, updated_at = now()`;

const INSERT_ANSWERS = `
INSERT INTO answers (article_slug, position, advisor_id, date, body)
SELECT article_slug, position, advisor_id, date, body
FROM jsonb_to_recordset($1::jsonb) AS x(article_slug text, position int, advisor_id text, date date, body text)`;

const INSERT_OUTBOX = `INSERT INTO search_outbox (slug, op) SELECT s, $2 FROM unnest($1::text[]) AS s`;

export async function writeArticles(db: Db, batch: ChangedArticle[]) {
  if (!batch.length) return;
  const rows = batch.map(({ article: a, sourcePath, hash, mtime, size }) => {
    const region = getRegion(a.region);
    return {
      slug: a.slug,
      source_path: sourcePath,
      content_hash: hash,
      source_mtime: mtime,
      source_size: size,
      title: a.title,
      question: a.question ?? null,
      region: a.region,
      province_code: region?.provinceCode ?? null,
      city_code: region?.cityCode ?? null,
      insurance: a.insurance,
      topics: a.topics,
      year: a.year ?? null,
      status: a.status,
      published: a.published,
      updated: a.updated ?? null,
      related: a.related,
      citations: a.citations,
      search_text: searchText(a),
    };
  });
  const answers = batch.flatMap(({ article: a }) =>
    a.answers.map((x, i) => ({ article_slug: a.slug, position: i + 1, advisor_id: x.advisor, date: x.date, body: x.body })),
  );
  const slugs = batch.map((b) => b.article.slug);
  const indexed = batch.filter((b) => b.article.status !== "draft").map((b) => b.article.slug);
  const drafts = batch.filter((b) => b.article.status === "draft").map((b) => b.article.slug);
  await db.$transaction([
    db.$executeRawUnsafe(UPSERT_ARTICLES, JSON.stringify(rows)),
    db.$executeRawUnsafe(`DELETE FROM answers WHERE article_slug = ANY($1::text[])`, slugs),
    db.$executeRawUnsafe(INSERT_ANSWERS, JSON.stringify(answers)),
    db.$executeRawUnsafe(INSERT_OUTBOX, indexed, "upsert"),
    // A draft is kept in Postgres for its author but taken out of search and the site.
    db.$executeRawUnsafe(INSERT_OUTBOX, drafts, "delete"),
  ], { timeout: 60_000 });
}

export async function deleteArticles(db: Db, slugs: string[]) {
  if (!slugs.length) return;
  await db.$transaction([
    db.$executeRawUnsafe(`DELETE FROM articles WHERE slug = ANY($1::text[])`, slugs),
    db.$executeRawUnsafe(INSERT_OUTBOX, slugs, "delete"),
  ], { timeout: 60_000 });
}

/** Upserts changed advisors; removes advisors no answer refers to any more. Returns ids it could not remove. */
export async function syncAdvisors(db: Db, advisors: Map<string, Advisor & { hash: string }>) {
  const live = new Map((await db.advisor.findMany({ select: { id: true, contentHash: true } })).map((a) => [a.id, a.contentHash]));
  let changed = 0;
  for (const a of advisors.values()) {
    if (live.get(a.id) === a.hash) continue;
    const data = { name: a.name, title: a.title, organisation: a.organisation ?? null, license: a.license ?? null, bio: a.bio ?? null, sample: a.sample, contentHash: a.hash };
    await db.advisor.upsert({ where: { id: a.id }, create: { id: a.id, ...data }, update: data });
    changed++;
  }
  const gone = [...live.keys()].filter((id) => !advisors.has(id));
  const stillUsed = gone.length
    ? (await db.answer.findMany({ where: { advisorId: { in: gone } }, select: { advisorId: true }, distinct: ["advisorId"] })).map((r) => r.advisorId)
    : [];
  const removable = gone.filter((id) => !stillUsed.includes(id));
  if (removable.length) await db.advisor.deleteMany({ where: { id: { in: removable } } });
  return { changed, removed: removable.length, stillUsed };
}

/** Records new mtimes for files whose content did not change (a checkout or copy touches every file). */
export async function touchSources(db: Db, files: { slug: string; mtime: number; size: number }[]) {
  for (let i = 0; i < files.length; i += 5000) {
    await db.$executeRawUnsafe(
      `UPDATE articles a SET source_mtime = x.mtime, source_size = x.size
       FROM jsonb_to_recordset($1::jsonb) AS x(slug text, mtime float8, size int) WHERE a.slug = x.slug`,
      JSON.stringify(files.slice(i, i + 5000)),
    );
  }
}
