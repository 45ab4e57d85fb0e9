// The reviewers' report of what may be out of date: answers about a year that is over (or local figures
// with no year), by region, oldest first, and answers whose figures no reviewer has checked lately. The
// rules themselves are lib/domain/freshness.ts and lib/domain/checks.ts.
import "server-only";
import type { Db } from "../db/client.ts";
import { addDays } from "../domain/dates.ts";
import { CHECK_STALE_DAYS } from "../domain/checks.ts";
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

export type UncheckedAnswer = { slug: string; title: string; region: string; year: number | null; lastCheck: string | null; lastChange: string };

/**
 * Answers stating figures whose published revision no reviewer has checked against an official source
 * within CHECK_STALE_DAYS (or whose last check said the figures could not be confirmed): the reviewers'
 * checking worklist, by region, never-checked first.
 */
export async function uncheckedAnswers(db: Db, today: string): Promise<UncheckedAnswer[]> {
  const since = addDays(today, -CHECK_STALE_DAYS);
  const rows = await db.$queryRawUnsafe<{ slug: string; title: string; region: string; year: number | null; body: string; last_check: string | null; last: Date }[]>(
    `SELECT a.slug, a.title, a.region, a.year, r.body, c.checked_on AS last_check, coalesce(a.updated, a.published) AS last
     FROM articles a JOIN answers s ON s.article_id = a.id JOIN answer_revisions r ON r.id = s.published_revision_id
     LEFT JOIN LATERAL (SELECT checked_on, outcome FROM answer_checks WHERE revision_id = r.id ORDER BY id DESC LIMIT 1) c ON true
     WHERE ${answeredSql("a")} AND (c.checked_on IS NULL OR c.checked_on < $1 OR c.outcome <> 'verified')`,
    since,
  );
  const bySlug = new Map<string, UncheckedAnswer>();
  for (const r of rows) {
    if (!statesFigures(r.body) || bySlug.has(r.slug)) continue;
    bySlug.set(r.slug, { slug: r.slug, title: r.title, region: r.region, year: r.year, lastCheck: r.last_check, lastChange: r.last.toISOString().slice(0, 10) });
  }
  return [...bySlug.values()].sort((a, b) => a.region.localeCompare(b.region) || (a.lastCheck ?? "").localeCompare(b.lastCheck ?? "") || a.lastChange.localeCompare(b.lastChange));
}
