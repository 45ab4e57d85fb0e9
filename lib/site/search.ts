// Search as the site runs it: Meilisearch with a short timeout, Postgres as the fallback, related
// questions beside narrow results, and every query logged for content-gap reports. Pages and route
// handlers call this; it composes lib/search with the stores and the content's vocabulary.
import "server-only";
import { neighboursIn } from "../articles/relations.ts";
import { loadLexiconWords } from "../content/load.ts";
import { type Db, getDb, getPublicDb } from "../db/client.ts";
import { publicFilter } from "../domain/visibility.ts";
import { env } from "../env.ts";
import { buildLexicon, type Lexicon } from "../query/lexicon.ts";
import { normalizeQuery } from "../query/normalize.ts";
import { readIndex } from "../search/client.ts";
import { logSearch } from "../search/log.ts";
import type { SearchParams } from "../search/params.ts";
import { searchArticles, type SearchResult } from "../search/query.ts";

let lexicon: Promise<Lexicon> | undefined;
/** The domain lexicon from CONTENT_DIR, read once per server process. */
function getLexicon(): Promise<Lexicon> {
  lexicon ??= loadLexiconWords(env().contentDir).then(buildLexicon, (e: Error) => {
    console.error("search vocabulary unavailable:", e.message);
    return buildLexicon([]);
  });
  return lexicon;
}

/**
 * Related questions beside narrow results, read from Postgres. With Postgres down, search still answers
 * from Meilisearch alone: the neighbours are left out rather than failing the search.
 */
export function neighboursOrNone(db: Db) {
  const read = neighboursIn(db);
  return (articleId: string) =>
    read(articleId).catch((e: Error) => {
      console.error("search: related questions unavailable:", e.message);
      return [];
    });
}

export async function runSearch(p: SearchParams, opts: { log?: boolean } = {}): Promise<SearchResult> {
  const db = getPublicDb();
  const timeout = env().SEARCH_TIMEOUT_MS;
  const index = readIndex({ timeout });
  const result = await searchArticles(p, {
    index,
    db,
    lexicon: await getLexicon(),
    // Past this, a search is served from Postgres rather than keep a person waiting.
    deadline: performance.now() + timeout,
    neighbours: neighboursOrNone(db),
  });
  if (opts.log !== false && result.query.kind !== "empty" && p.page === 1) {
    logSearch(getDb(), {
      query: result.query.display,
      kind: result.query.kind,
      filters: { region: p.region, insurance: p.insurance, topic: p.topic, year: p.year },
      hits: result.total,
      mode: result.mode,
    });
  }
  return result;
}

/** Titles that start with or contain what is being typed, for the suggestion box. */
export async function suggest(q: string): Promise<{ slug: string; title: string }[]> {
  const index = readIndex({ timeout: 800 });
  const nq = normalizeQuery(q);
  if (nq.kind === "empty") return [];
  const on = nq.kind === "pinyin" ? ["pinyin"] : nq.kind === "initials" ? ["initials"] : ["title", "question", "topics"];
  const res = await index.search(nq.kind === "initials" || nq.kind === "pinyin" ? nq.pinyin! : nq.text, {
    limit: 6,
    filter: [publicFilter],
    attributesToRetrieve: ["slug", "title"],
    attributesToSearchOn: on,
  });
  return res.hits.map((h) => ({ slug: h.slug, title: h.title }));
}
