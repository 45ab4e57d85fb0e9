// Reads articles back from Postgres, for pages and for the search index.
import { type Article, type Citation, citationSchema } from "../content/schema.ts";
import type { Db } from "../db/client.ts";
import { z } from "zod";

export type StoredArticle = Omit<Article, "answers"> & {
  answers: { advisor: string; date: string; body: string }[];
  updatedAt: Date;
};

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : undefined);

/** Known slug → content hash and source path, to skip unchanged files without parsing them. */
export async function articleFingerprints(db: Db) {
  const rows = await db.$queryRawUnsafe<{ slug: string; source_path: string; content_hash: string; source_mtime: number; source_size: number }[]>(
    `SELECT slug, source_path, content_hash, source_mtime, source_size FROM articles`,
  );
  return rows;
}

const includeAnswers = { answers: { orderBy: { position: "asc" as const } } };
type Row = NonNullable<Awaited<ReturnType<Db["article"]["findFirst"]>>> & {
  answers: { advisorId: string; date: Date; body: string }[];
};

function toStored(r: Row): StoredArticle {
  return {
    slug: r.slug,
    title: r.title,
    question: r.question ?? undefined,
    region: r.region,
    insurance: r.insurance as StoredArticle["insurance"],
    topics: r.topics,
    year: r.year ?? undefined,
    published: day(r.published)!,
    updated: day(r.updated),
    status: r.status as StoredArticle["status"],
    related: r.related,
    citations: z.array(citationSchema).catch([]).parse(r.citations) as Citation[],
    answers: r.answers.map((x) => ({ advisor: x.advisorId, date: day(x.date)!, body: x.body })),
    updatedAt: r.updatedAt,
  };
}

/** Articles by slug (drafts included: the caller decides what to show). */
export async function articlesBySlug(db: Db, slugs: string[]): Promise<StoredArticle[]> {
  if (!slugs.length) return [];
  const rows = await db.article.findMany({ where: { slug: { in: slugs } }, include: includeAnswers });
  return rows.map(toStored);
}

/** A page-ready article with its advisors; null for unknown slugs and drafts. */
export async function getPublicArticle(db: Db, slug: string) {
  const row = await db.article.findFirst({
    where: { slug, status: { not: "draft" } },
    include: { answers: { orderBy: { position: "asc" }, include: { advisor: true } } },
  });
  if (!row) return null;
  return { ...toStored(row), advisors: new Map(row.answers.map((a) => [a.advisorId, a.advisor])) };
}

export async function recentArticles(db: Db, take = 10) {
  return db.article.findMany({
    where: { status: "published" },
    orderBy: [{ updated: { sort: "desc", nulls: "last" } }, { published: "desc" }],
    take,
    select: { slug: true, title: true, region: true, topics: true, year: true },
  });
}

/** Topics with their number of public articles, most used first. */
export async function topicCounts(db: Db, take = 24) {
  const rows = await db.$queryRawUnsafe<{ topic: string; n: bigint }[]>(
    `SELECT t AS topic, count(*) AS n FROM articles, unnest(topics) AS t
     WHERE status <> 'draft' GROUP BY t ORDER BY n DESC, t LIMIT $1`,
    take,
  );
  return rows.map((r) => ({ topic: r.topic, count: Number(r.n) }));
}
