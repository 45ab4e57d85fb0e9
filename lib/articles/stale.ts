// The reviewers' report of what may be out of date: answers about a year that is over (or local figures
// with no year), by region, oldest first. The rule itself is lib/domain/freshness.ts.
import "server-only";
import type { Db } from "../db/client.ts";
import { freshness, freshnessMark, statesFigures } from "../domain/freshness.ts";
import { answeredSql } from "../domain/visibility.ts";

export type StaleAnswer = { slug: string; title: string; region: string; year: number | null; mark: string; lastChange: string };

export async function staleAnswers(db: Db, today: string): Promise<StaleAnswer[]> {
  const current = Number(today.slice(0, 4));
  const rows = await db.$queryRawUnsafe<{ slug: string; title: string; region: string; year: number | null; bodies: string; last: Date }[]>(
    `SELECT a.slug, a.title, a.region, a.year, string_agg(r.body, ' ') AS bodies, coalesce(a.updated, a.published) AS last
     FROM articles a JOIN answers s ON s.article_id = a.id JOIN answer_revisions r ON r.id = s.published_revision_id
     WHERE ${answeredSql("a")} AND (a.year < $1 OR (a.year IS NULL AND a.region <> '000000'))
     GROUP BY a.id`,
    current,
  );
  return rows
    .map((r) => ({ ...r, f: freshness({ year: r.year, region: r.region, figures: statesFigures(r.bodies) }, today) }))
    .filter((r) => r.f.kind !== "current")
    .map((r) => ({ slug: r.slug, title: r.title, region: r.region, year: r.year, mark: freshnessMark(r.f)!, lastChange: r.last.toISOString().slice(0, 10) }))
    .sort((a, b) => a.region.localeCompare(b.region) || (a.year ?? 0) - (b.year ?? 0) || a.lastChange.localeCompare(b.lastChange));
}
