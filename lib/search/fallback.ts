// Search served from Postgres when Meilisearch is unreachable or slow: the same normalised query and
// filters, matched with LIKE over the stored plain text. Less complete (no synonyms, no pinyin, simple
// ranking), which the page and the API say.
import type { Db } from "../db/client.ts";
import { answeredSql, publicSql } from "../domain/visibility.ts";
import type { NormalizedQuery } from "../query/normalize.ts";
import { PAGE_SIZE, type SearchParams } from "./params.ts";
import { scopeLevel } from "../regions/scope.ts";

export type FallbackRow = {
  slug: string;
  title: string;
  question: string | null;
  search_text: string;
  region: string;
  insurance: string[];
  topics: string[];
  year: number | null;
  answered: boolean;
};

/** Words to look for: each space-separated word, long Chinese runs also as overlapping bigrams. */
export function fallbackTerms(q: NormalizedQuery): string[] {
  const out = new Set<string>();
  for (const w of q.text.split(" ").filter(Boolean)) {
    if (/^[\u4e00-\u9fff]{5,}$/.test(w)) for (let i = 0; i + 1 < w.length; i++) out.add(w.slice(i, i + 2));
    else out.add(w);
  }
  return [...out].slice(0, 12);
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function fallbackSearch(db: Db, q: NormalizedQuery, p: SearchParams): Promise<{ rows: FallbackRow[]; total: number; terms: string[] }> {
  const terms = fallbackTerms(q);
  const where: string[] = [publicSql()];
  const args: unknown[] = [];
  const arg = (v: unknown) => {
    args.push(v);
    return `$${args.length}`;
  };
  if (p.region) {
    // The region scope's rule over the columns that hold each row's province and city codes.
    const col = { nation: "region", province: "province_code", city: "city_code", county: "region" }[scopeLevel(p.region)];
    where.push(`${col} = ${arg(p.region)}`);
  }
  if (p.insurance) where.push(`${arg(p.insurance)} = ANY(insurance)`);
  if (p.topic) where.push(`${arg(p.topic)} = ANY(topics)`);
  if (p.year) where.push(`year = ${arg(p.year)}`);
  // Without words to match there is no score: `ORDER BY 0` would be read as a column position (42P10).
  let score: string | null = null;
  if (terms.length) {
    const patterns = terms.map((t) => arg(`%${escapeLike(t)}%`));
    const inText = patterns.map((x) => `(search_text LIKE ${x})::int`).join(" + ");
    const inTitle = patterns.map((x) => `(lower(title) LIKE ${x})::int`).join(" + ");
    // At least half of the words must appear somewhere; title matches count three times.
    where.push(`(${inText}) * 2 >= ${terms.length}`);
    score = `(${inText}) + 3 * (${inTitle})`;
  }
  const order = p.sort === "newest" || !score ? "coalesce(updated, published) DESC" : `${score} DESC, coalesce(updated, published) DESC`;
  const sql = `SELECT slug, title, question, search_text, region, insurance, topics, year, ${answeredSql()} AS answered, count(*) OVER () AS total
    FROM articles WHERE ${where.join(" AND ")} ORDER BY ${order}, slug LIMIT ${PAGE_SIZE} OFFSET ${(p.page - 1) * PAGE_SIZE}`;
  const rows = await db.$queryRawUnsafe<(FallbackRow & { total: bigint })[]>(sql, ...args);
  return { rows, total: Number(rows[0]?.total ?? 0), terms };
}
