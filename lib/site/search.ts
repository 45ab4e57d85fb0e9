// Search as the site runs it: Meilisearch with a short timeout, Postgres as the fallback, related
// questions beside narrow results, and every query logged for content-gap reports. Pages and route
// handlers call this; it composes lib/search with the stores and the content's vocabulary.
import "server-only";
import { countSearch } from "../ops/metrics.ts";
import { newQueryId } from "../analytics/query-id.ts";
import { neighboursIn } from "../articles/relations.ts";
import { loadLexiconWords, loadSearchVocabulary } from "../content/load.ts";
import { type Db, getDb, getPublicDb } from "../db/client.ts";
import { publicFilter } from "../domain/visibility.ts";
import { env } from "../env.ts";
import { buildLexicon, type Lexicon, searchLexicon } from "../query/lexicon.ts";
import { normalizeQuery } from "../query/normalize.ts";
import { getIndexes, indexVersion, readIndex } from "../search/client.ts";
import { drugIndexName, drugIndexVersion, drugSoundPairs, drugTarget } from "../search/drugs.ts";
import { type DrugCard, findDrugCards } from "../catalogue/cards.ts";
import { loadStoredLexicon, storedLexiconVersion } from "../search/lexicon-store.ts";
import { logSearch } from "../search/log.ts";
import { type ResultCache, resultCache } from "../search/result-cache.ts";
import type { SearchParams } from "../search/params.ts";
import { searchArticles, type SearchHit, type SearchResult } from "../search/query.ts";
import { type Cause, type CauseFacts, classifyCause, WEAK_MAX } from "../analytics/cause.ts";
import { placeInQuery } from "../regions/place.ts";
import { clientHash } from "../privacy/client-hash.ts";
import { findRegionByName, getRegion, NATIONWIDE, regionLabel } from "../regions/index.ts";
import type { Client } from "../http/client.ts";
import { withinScope } from "../regions/scope.ts";

type Known = { lexicon: Lexicon; version: string | null; checked: number };
let lexicon: Promise<Known> | undefined;
/** How often the stored lexicon's version is checked (one tiny query), not once per search. */
const LEXICON_CHECK_MS = 30_000;

/** The curated words of CONTENT_DIR's vocabulary and the corpus lexicon the worker stored. */
async function loadLexicon(db: Db, version: string | null): Promise<Known> {
  const dir = env().contentDir;
  const [words, { vocabulary }, stored] = await Promise.all([loadLexiconWords(dir), loadSearchVocabulary(dir), version ? loadStoredLexicon(db) : null]);
  return { lexicon: searchLexicon(words, vocabulary, stored?.words), version: stored?.version ?? null, checked: performance.now() };
}

async function getLexicon(db: Db): Promise<Lexicon> {
  const current = lexicon;
  if (current) {
    const known = await current;
    if (performance.now() - known.checked < LEXICON_CHECK_MS) return known.lexicon;
    known.checked = performance.now();
    const version = await storedLexiconVersion(db).catch(() => known.version);
    if (version === known.version) return known.lexicon;
    // Rebuilt in the background; searches keep the old lexicon until the new one is ready.
    const next = loadLexicon(db, version);
    next.then((k) => (lexicon = Promise.resolve(k)), (e: Error) => console.error("search lexicon not reloaded:", e.message));
    return known.lexicon;
  }
  lexicon = storedLexiconVersion(db)
    .then((v) => loadLexicon(db, v))
    .catch((e: Error) => {
      console.error("search lexicon unavailable:", e.message);
      return { lexicon: buildLexicon([]), version: null, checked: performance.now() };
    });
  return (await lexicon).lexicon;
}

let soundPairs: { at: number; pairs: Promise<Set<string> | null> } | undefined;
/** The drug names' syllable pairs (a query sharing none is not looked up), re-read every minute in the
 * background: a newly imported list gets its cards within a minute. */
function drugPairs(): Promise<Set<string> | null> {
  const stale = !soundPairs || performance.now() - soundPairs.at > 60_000;
  if (stale) {
    const next = drugSoundPairs(drugTarget({ timeout: 5000 })).catch((e: Error) => {
      console.error("search: drug names unavailable:", e.message);
      return null;
    });
    // Searches keep the previous set until the new one is read.
    const previous = soundPairs?.pairs;
    soundPairs = { at: performance.now(), pairs: previous ? next.then((n) => n ?? previous) : next };
    if (previous) return previous;
  }
  return soundPairs!.pairs;
}

type AdvisorNames = Map<string, { name: string; title: string }>;
let advisors: { at: number; names: Promise<AdvisorNames> } | undefined;
/** Advisors' names and titles for "who answered" beside results: few rows, re-read every minute. */
function advisorNames(db: Db): Promise<AdvisorNames> {
  if (!advisors || performance.now() - advisors.at > 60_000) {
    const names = db.advisor.findMany({ select: { id: true, name: true, title: true } }).then((rows) => new Map(rows.map((r) => [r.id, { name: r.name, title: r.title }])));
    advisors = { at: performance.now(), names: names.catch(() => new Map()) };
  }
  return advisors.names;
}

export type SiteSearchResult = SearchResult & {
  /** Clicks on these results refer to it (POST /api/search/click); null when the search was not logged. */
  queryId: string | null;
  /** Why a zero- or weak-result search found little, with what to show instead. */
  explanation: Explanation | null;
  /** Cards above the results: the drugs the query names, or why a drug question found none here. */
  cards: DrugCard[];
};

export type Explanation = {
  cause: Cause;
  /** The region asked about, when the cause is that it is not covered. */
  region?: string;
  regionName?: string;
  /** Nationwide answers to the same words (cause region). */
  nationwide: SearchHit[];
};

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

/** `complete`: nothing failed on the way (a failed explanation is left out, not worth keeping). */
type Answer = { result: SearchResult; explanation: Explanation | null; cards: DrugCard[]; complete: boolean };

/** Searches, related questions and explanations as Meilisearch and Postgres give them now. */
async function answer(p: SearchParams, db: Db, lexicon: Lexicon): Promise<Answer> {
  const timeout = env().SEARCH_TIMEOUT_MS;
  const index = readIndex({ timeout });
  const deps = { index, db, lexicon, deadline: performance.now() + timeout };
  // Past the deadline, a search is served from Postgres rather than keep a person waiting. The drug
  // cards are looked up beside it, never after it: a search waits for the slower of the two only.
  let cardsFailed = false;
  const [result, cards] = await Promise.all([
    searchArticles(p, { ...deps, neighbours: neighboursOrNone(db) }),
    p.page === 1
      ? drugPairs().then((pairs) => findDrugCards(normalizeQuery(p.q), drugTarget({ timeout }), pairs)).catch((e: Error) => {
          console.error("search: drug cards unavailable:", e.message);
          cardsFailed = true;
          return [];
        })
      : Promise.resolve([]),
  ]);
  if (result.hits.some((h) => h.advisor)) {
    const names = await advisorNames(db);
    for (const h of result.hits) if (h.advisor) Object.assign(h.advisor, names.get(h.advisor.id));
  }
  // Probes never fall back to Postgres: an explanation is not worth a slow page.
  let complete = result.mode === "meilisearch" && !cardsFailed;
  const explanation =
    p.page === 1 && result.query.kind !== "empty"
      ? await explain(p, result, { ...deps, db: undefined }).catch(() => {
          complete = false;
          return null;
        })
      : null;
  return { result, explanation, cards, complete };
}

let answers: ResultCache<Answer> | undefined;
/** A version check that cannot answer this fast means Meilisearch is in trouble: search uncached. */
const VERSION_TIMEOUT_MS = 250;
// Lexicons are numbered so that a reloaded one (new corpus words) never reuses answers planned without it.
const lexiconIds = new WeakMap<Lexicon, number>();
let lexiconsSeen = 0;

function cachedAnswers(): ResultCache<Answer> {
  return (answers ??= resultCache<Answer>({
    // Cached answers hold drug cards too: a re-imported drug list must not be answered from memory.
    version: async () => {
      const opts = { timeout: VERSION_TIMEOUT_MS };
      const [articles, drugs] = await Promise.all([indexVersion(getIndexes(undefined, undefined, undefined, opts)), drugIndexVersion(getIndexes(undefined, undefined, drugIndexName(), opts))]);
      return `${articles}|${drugs}`;
    },
    checkEveryMs: 250,
    maxEntries: 1000,
  }));
}

function answerKey(p: SearchParams, lexicon: Lexicon): string {
  if (!lexiconIds.has(lexicon)) lexiconIds.set(lexicon, ++lexiconsSeen);
  const { q, region, insurance, topic, year, page, sort, facets } = p;
  return JSON.stringify([lexiconIds.get(lexicon), q, region, insurance, topic, year, page, sort, facets]);
}

export async function runSearch(p: SearchParams, opts: { log?: boolean; client?: Client } = {}): Promise<SiteSearchResult> {
  const started = performance.now();
  // Reads may go to a replica (DATABASE_REPLICA_URL); the log is a write and goes to the primary.
  const db = getPublicDb();
  const lexicon = await getLexicon(db);
  // Repeats are answered from memory until the index changes; answers from the Postgres fallback (or
  // with a failed explanation) are not kept, so that search returns to Meilisearch as soon as it is back.
  const { value, cached } =
    env().SEARCH_CACHE === "on"
      ? await cachedAnswers().get(answerKey(p, lexicon), () => answer(p, db, lexicon), (a) => a.complete)
      : { value: await answer(p, db, lexicon), cached: false };
  const { explanation, cards } = value;
  const result = cached ? { ...value.result, tookMs: Math.round(performance.now() - started) } : value.result;
  countSearch({ mode: result.mode, cached, total: result.total, fallbackCause: result.fallbackCause });
  let queryId: string | null = null;
  if (opts.log !== false && env().SEARCH_LOG === "on" && !opts.client?.bot && result.query.kind !== "empty" && p.page === 1) {
    queryId = newQueryId();
    logSearch(getDb(), {
      queryId,
      query: result.query.display,
      normalized: result.query.text,
      kind: result.query.kind,
      filters: { region: p.region, insurance: p.insurance, topic: p.topic, year: p.year },
      region: p.region,
      insurance: p.insurance,
      topic: p.topic,
      year: p.year,
      hits: result.total,
      mode: result.mode,
      latencyMs: result.tookMs,
      slugs: [...result.hits, ...result.more].map((h) => h.slug),
      clientHash: opts.client ? await clientHash(getDb(), opts.client.address).catch(() => undefined) : undefined,
      cause: explanation?.cause ?? null,
    });
  }
  return { ...result, queryId, explanation, cards };
}

/**
 * Probe searches for a zero- or weak-result search, or one that names a place: the same words without
 * the filters, without the region, within the region — then the pure classifier says which cause it is.
 */
async function explain(p: SearchParams, result: SearchResult, deps: Parameters<typeof searchArticles>[1]): Promise<Explanation | null> {
  const probe = async (change: Partial<SearchParams>) => (await searchArticles({ ...p, facets: false, page: 1, ...change }, deps)).total;
  const place = p.region ? null : placeInQuery(result.query.text, findRegionByName);
  const askedRegion = p.region && p.region !== NATIONWIDE ? p.region : place?.code;
  const weak = result.total <= WEAK_MAX;
  if (!weak && !askedRegion) return null;
  const facts: CauseFacts = { total: result.total, askedRegion, otherFilters: Boolean(p.insurance || p.topic || p.year) };
  if (askedRegion && p.region) {
    facts.regionHits = result.total;
    if (weak && result.total === 0) facts.totalWithoutRegion = await probe({ region: undefined });
  } else if (askedRegion && place) {
    const local = result.hits.some((h) => withinScope(askedRegion, h.region));
    facts.regionHits = local ? result.total : await probe({ q: place.rest || p.q, region: askedRegion });
    facts.totalWithoutRegion = result.total;
  }
  if (weak && facts.otherFilters) facts.totalWithoutFilters = await probe({ region: undefined, insurance: undefined, topic: undefined, year: undefined });
  const cause = classifyCause(facts);
  if (!cause) return null;
  if (cause !== "region") return { cause, nationwide: [] };
  const general = await searchArticles({ ...p, q: place?.rest || p.q, region: NATIONWIDE, facets: false, page: 1 }, deps);
  return { cause, region: askedRegion, regionName: getRegion(askedRegion!)?.name ?? regionLabel(askedRegion!), nationwide: general.hits.slice(0, 5) };
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
