// Reads for the landing pages: how much public content each region, topic and year has (aggregated in
// Postgres, so the cost does not grow with the corpus), and the questions one page lists.
import "server-only";
import type { Db } from "../db/client.ts";
import { answeredSql, publicSql } from "../domain/visibility.ts";
import { getRegion, NATIONWIDE } from "../regions/index.ts";
import type { CoverageRow, RegionYearRow } from "../seo/landing-pages.ts";
import { scopeSql, scopeSqlValue } from "../regions/scope.ts";

export async function landingCoverage(db: Db): Promise<{ byTopic: CoverageRow[]; byYear: RegionYearRow[] }> {
  const [byTopic, byYear] = await Promise.all([
    db.$queryRawUnsafe<{ region: string; topic: string; year: number | null; answered: bigint; total: bigint; lastmod: Date }[]>(
      `SELECT region, t AS topic, year, count(*) FILTER (WHERE ${answeredSql()}) AS answered, count(*) AS total, max(updated_at) AS lastmod
       FROM articles, unnest(topics) AS t WHERE ${publicSql()} GROUP BY region, t, year`,
    ),
    db.$queryRawUnsafe<{ region: string; year: number | null; answered: bigint; total: bigint; lastmod: Date }[]>(
      `SELECT region, year, count(*) FILTER (WHERE ${answeredSql()}) AS answered, count(*) AS total, max(updated_at) AS lastmod
       FROM articles WHERE ${publicSql()} GROUP BY region, year`,
    ),
  ]);
  const n = (v: bigint) => Number(v);
  return {
    byTopic: byTopic.map((r) => ({ ...r, answered: n(r.answered), total: n(r.total) })),
    byYear: byYear.map((r) => ({ ...r, answered: n(r.answered), total: n(r.total) })),
  };
}

export type LandingArticle = {
  id: string;
  slug: string;
  title: string;
  region: string;
  topics: string[];
  year: number | null;
  answered: boolean;
  /** Day of the last published change (updated, else published). */
  date: string;
  answers: number;
};

/** Which articles a page lists: the nationwide page its nationwide questions, a topic page every region's. */
export type LandingScope = { region: string; everyRegion?: boolean; topic?: string; year?: number };

/** The page's questions, answered first, most recently changed first; at most `take`. */
export async function landingArticles(db: Db, scope: LandingScope, take = 100): Promise<LandingArticle[]> {
  const where = [publicSql("a")];
  const args: unknown[] = [];
  const arg = (v: unknown) => (args.push(v), `$${args.length}`);
  const r = getRegion(scope.region);
  if (!scope.everyRegion) {
    // A code the region tables do not know lists the nationwide questions.
    const region = r ? scope.region : NATIONWIDE;
    where.push(scopeSql(region, "a.region", arg(scopeSqlValue(region))));
  }
  if (scope.topic) where.push(`${arg(scope.topic)} = ANY(a.topics)`);
  if (scope.year) where.push(`a.year = ${arg(scope.year)}`);
  const rows = await db.$queryRawUnsafe<
    { id: string; slug: string; title: string; region: string; topics: string[]; year: number | null; answered: boolean; date: Date; answers: bigint }[]
  >(
    `SELECT a.id, a.slug, a.title, a.region, a.topics, a.year, ${answeredSql("a")} AS answered,
            coalesce(a.updated, a.published) AS date,
            (SELECT count(*) FROM answers s WHERE s.article_id = a.id AND s.published_revision_id IS NOT NULL) AS answers
     FROM articles a WHERE ${where.join(" AND ")}
     ORDER BY ${answeredSql("a")} DESC, coalesce(a.updated, a.published) DESC, a.slug
     LIMIT ${arg(take)}`,
    ...args,
  );
  return rows.map((x) => ({ ...x, date: x.date.toISOString().slice(0, 10), answers: Number(x.answers) }));
}

/**
 * Answered articles for the sitemaps (unanswered pages are noindex, so they are left out): slug and last
 * change, in slug order, one child sitemap's page at a time.
 */
export async function sitemapArticles(db: Db, take: number, offset: number): Promise<{ slug: string; lastmod: Date }[]> {
  return db.$queryRawUnsafe(`SELECT slug, updated_at AS lastmod FROM articles WHERE ${answeredSql()} ORDER BY slug LIMIT $1 OFFSET $2`, take, offset);
}

export async function answeredArticleCount(db: Db): Promise<number> {
  const [r] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM articles WHERE ${answeredSql()}`);
  return Number(r?.n ?? 0);
}
