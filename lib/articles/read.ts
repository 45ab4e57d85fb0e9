// Reads articles back from Postgres: for pages (public only, through lib/domain/visibility), for the
// search index and the export (whole records), and for the file channel (fingerprints).
import "server-only";
import { z } from "zod";
import type { Db, DbOrTx } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { type CheckedSource, type CheckOutcome, checkSource } from "../domain/checks.ts";
import { type ArticleState, type Citation, citationSchema, type Origin } from "../domain/schema.ts";
import { answeredWhere, isPublic, publicSql, publicWhere } from "../domain/visibility.ts";
import type { ArticleRecord } from "./record.ts";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const citations = z.array(citationSchema).catch([]);

/** What the file channel knows of its own rows, to skip unchanged files without reading them. */
export async function fileFingerprints(db: Db) {
  return db.$queryRawUnsafe<{ id: string; slug: string; source_path: string; source_hash: string; source_mtime: number; source_size: number }[]>(
    `SELECT id, slug, source_path, source_hash, source_mtime, source_size FROM articles WHERE origin = 'file'`,
  );
}

/**
 * What the web app holds that the file channel must leave alone: the slugs of its articles, and the
 * files of articles that came from content/ but have been edited in the app since (adopted).
 */
export async function webClaims(db: Db): Promise<{ slugs: Set<string>; adoptedFiles: Map<string, string> }> {
  const rows = await db.article.findMany({ where: { origin: "web" }, select: { slug: true, sourcePath: true } });
  return {
    slugs: new Set(rows.map((r) => r.slug)),
    adoptedFiles: new Map(rows.filter((r) => r.sourcePath).map((r) => [r.sourcePath!, r.slug])),
  };
}

const published = { where: { publishedRevisionId: { not: null } }, orderBy: { position: "asc" as const } };

type Row = Awaited<ReturnType<typeof findRows>>[number];
/** Articles with their published revisions (what the public would see of each answer). */
function findRows(db: DbOrTx, where: Prisma.ArticleWhereInput) {
  return db.article.findMany({ where, include: { answers: { ...published, include: { publishedRevision: true } } } });
}

function toRecord(r: Row): ArticleRecord {
  return {
    slug: r.slug,
    state: r.state as ArticleState,
    title: r.title,
    question: r.question,
    region: r.region,
    insurance: r.insurance,
    topics: r.topics,
    year: r.year,
    published: day(r.published)!,
    updated: day(r.updated),
    related: r.related,
    aliases: r.aliases ?? [],
    citations: citations.parse(r.citations) as Citation[],
    source: r.source,
    answers: r.answers.map((a) => {
      const rev = a.publishedRevision!;
      return { advisor: rev.advisorId, date: day(rev.date)!, body: rev.body, citations: citations.parse(rev.citations) };
    }),
  };
}

export type StoredArticle = { id: string; origin: Origin; updatedAt: Date; record: ArticleRecord };

/** Whole records by id, any state (the caller decides what to show). */
export async function articlesById(db: DbOrTx, ids: string[]): Promise<StoredArticle[]> {
  if (!ids.length) return [];
  const rows = await findRows(db, { id: { in: ids } });
  return rows.map((r) => ({ id: r.id, origin: r.origin, updatedAt: r.updatedAt, record: toRecord(r) }));
}

/** Whole records for an export: the given slugs, or every article. */
export async function articlesForExport(db: Db, slugs: string[] | "all"): Promise<StoredArticle[]> {
  const rows = await findRows(db, slugs === "all" ? {} : { slug: { in: slugs } });
  return rows.map((r) => ({ id: r.id, origin: r.origin, updatedAt: r.updatedAt, record: toRecord(r) })).sort((a, b) => a.record.slug.localeCompare(b.record.slug));
}

export type PublicArticle = ArticleRecord & {
  id: string;
  answerMeta: {
    advisor: { id: string; name: string; title: string; organisation: string | null; license: string | null; bio: string | null; sample: boolean; verified: boolean };
    revision: number;
    /** The answer slot, for the authoring app's checks. */
    answerId: number;
    /** A reviewer's latest check of this revision's figures (lib/authoring/checks.ts). */
    check: AnswerCheckMark | null;
  }[];
};

export type AnswerCheckMark = { outcome: CheckOutcome; on: string; source: CheckedSource | null; note: string | null };

/** A page-ready public article; null for unknown slugs and for articles the public does not see. */
export async function getPublicArticle(db: Db, slug: string): Promise<PublicArticle | null> {
  const row = await db.article.findFirst({
    where: { slug, ...publicWhere },
    include: { answers: { ...published, include: { publishedRevision: { include: { advisor: true, checks: { orderBy: { id: "desc" }, take: 1 } } } } } },
  });
  if (!row) return null;
  return {
    ...toRecord(row),
    id: row.id,
    answerMeta: row.answers.map((a) => {
      const c = a.publishedRevision!.checks[0];
      return {
        advisor: a.publishedRevision!.advisor,
        revision: a.publishedRevision!.number,
        answerId: a.id,
        check: c ? { outcome: c.outcome, on: c.checkedOn, source: checkSource(c), note: c.note } : null,
      };
    }),
  };
}

/** The current slug of the public article that `slug` used to name, if any. */
export async function currentSlug(db: Db, slug: string): Promise<string | null> {
  const moved = await db.slugRedirect.findUnique({ where: { slug }, include: { article: { select: { slug: true, state: true } } } });
  return moved && isPublic(moved.article.state) ? moved.article.slug : null;
}

export async function recentArticles(db: Db, take = 10) {
  return db.article.findMany({
    where: answeredWhere,
    orderBy: [{ updated: { sort: "desc", nulls: "last" } }, { published: "desc" }],
    take,
    select: { slug: true, title: true, region: true, topics: true, year: true },
  });
}

/** Topics with their number of public articles, most used first. */
export async function topicCounts(db: Db, take = 24) {
  const rows = await db.$queryRawUnsafe<{ topic: string; n: bigint }[]>(
    `SELECT t AS topic, count(*) AS n FROM articles, unnest(topics) AS t
     WHERE ${publicSql()} GROUP BY t ORDER BY n DESC, t LIMIT $1`,
    take,
  );
  return rows.map((r) => ({ topic: r.topic, count: Number(r.n) }));
}

/** An advisor's public profile: who they are and the public questions they answered. */
export async function advisorProfile(db: Db, id: string) {
  const advisor = await db.advisor.findUnique({ where: { id } });
  if (!advisor) return null;
  const answered = await db.article.findMany({
    where: { ...publicWhere, answers: { some: { publishedRevision: { advisorId: id } } } },
    orderBy: [{ updated: { sort: "desc", nulls: "last" } }, { published: "desc" }],
    select: { slug: true, title: true, region: true, topics: true, year: true },
    take: 200,
  });
  return { advisor, answered };
}
