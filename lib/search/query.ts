// Runs a search request and shapes the response the page and the API share. Meilisearch first; when it
// is unreachable or slow, Postgres (lib/search/fallback.ts) with the same normalisation.
import { LRUCache } from "lru-cache";
import type { Index, SearchParams as MeiliParams } from "meilisearch";
import type { Db } from "../db/client.ts";
import { isAnswered, publicFilter } from "../domain/visibility.ts";
import { buildLexicon, type Lexicon } from "../query/lexicon.ts";
import { normalizeQuery, type NormalizedQuery, stripPrivateUse } from "../query/normalize.ts";
import { type PlanStep, planQuery, type QueryPlan, type StepFields } from "../query/plan.ts";
import { toSyllables } from "../query/pinyin.ts";
import { hasPreference, preferRegionAndYear, type RankContext } from "../query/rank.ts";
import { regionLabel } from "../regions/index.ts";
import { questionPath } from "../urls.ts";
import type { SearchDocument } from "./document.ts";
import { fallbackSearch } from "./fallback.ts";
import { PAGE_SIZE, type SearchParams } from "./params.ts";
import { CHINESE_ATTRIBUTES } from "./settings.ts";
import { scopeFilter } from "../regions/scope.ts";

export type SearchHit = {
  slug: string;
  /** Escaped text with <mark> around matched words. */
  title: string;
  snippet: string;
  url: string;
  region: string;
  regionName: string;
  insurance: string[];
  topics: string[];
  year: number | null;
  /** false for a question that waits for its first answer (shown as 待解答). */
  answered: boolean;
  /** How many answers, and the latest one's advisor (id, with name and title once the site resolved
   * them) and date: "2 条解答 · 王律师（执业律师）· 2025-03-02". Absent in fallback results. */
  answerCount?: number;
  advisor?: { id: string; name?: string; title?: string };
  answerDate?: string;
};

export type Facets = {
  province: Record<string, number>;
  city: Record<string, number>;
  insurance: Record<string, number>;
  topics: Record<string, number>;
  year: Record<string, number>;
};

export type SearchResult = {
  hits: SearchHit[];
  total: number;
  page: number;
  pageSize: number;
  /** "meilisearch" normally; "fallback" when served from Postgres. */
  mode: "meilisearch" | "fallback";
  /** Why a search was served from Postgres: Meilisearch too slow, not reachable, or answering an error. */
  fallbackCause?: "timeout" | "unreachable" | "error";
  tookMs: number;
  query: NormalizedQuery;
  /** Set when the results are for another wording than the one typed (homophone typo). */
  shownFor?: string;
  /** Set when the results are only that year's, for a year typed in the query ("2026年…"). */
  yearShown?: number;
  /** Set when the year typed in the query has no articles: the latest years are shown first. */
  yearMissing?: number;
  /** When the results fill less than a page: looser matches, shown apart ("其他可能相关的问题"). */
  more: SearchHit[];
  facets: Facets | null;
};

// Private-use characters as highlight tags: the text is HTML-escaped first, then they become <mark>.
// Indexed text and queries never contain them (stripPrivateUse), so every one came from Meilisearch.
const PRE = "\uE000";
const POST = "\uE001";

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/**
 * Markers → <mark> tags, balanced whatever the input: a marker that would open a second mark or close
 * none is dropped, and a mark left open (a crop cut through a match, a document indexed before markers
 * were stripped from content) is closed at the end. The result goes into the page as HTML.
 */
export function markHighlights(s: string): string {
  let open = false;
  const html = escapeHtml(s).replace(/[\uE000\uE001]/g, (marker) => {
    if ((marker === PRE) === open) return "";
    open = !open;
    return open ? "<mark>" : "</mark>";
  });
  return open ? `${html}</mark>` : html;
}

export function buildFilter(p: Pick<SearchParams, "region" | "insurance" | "topic" | "year">): string[] {
  const f = [publicFilter];
  if (p.region) {
    // A province or city filter matches everything beneath it; 000000 means the nationwide articles.
    f.push(scopeFilter(p.region));
  }
  if (p.insurance) f.push(`insurance = ${JSON.stringify(p.insurance)}`);
  if (p.topic) f.push(`topics = ${JSON.stringify(p.topic)}`);
  if (p.year) f.push(`year = ${p.year}`);
  return f;
}

/** How many of the engine's best hits a preference may reorder (the first pages). */
export const RANK_WINDOW = 50;

const FIELDS: Record<StepFields, string[]> = { text: CHINESE_ATTRIBUTES, pinyin: ["pinyin"], initials: ["initials"] };

const EMPTY_LEXICON = buildLexicon([]);
// Plans are pure functions of the query and the lexicon: memoised per lexicon, least recently used out.
const plans = new WeakMap<Lexicon, LRUCache<string, QueryPlan>>();
const PLAN_CACHE = 5000;

export function cachedPlan(nq: NormalizedQuery, lex: Lexicon = EMPTY_LEXICON): QueryPlan {
  let cache = plans.get(lex);
  if (!cache) plans.set(lex, (cache = new LRUCache({ max: PLAN_CACHE })));
  const key = `${nq.kind}\u0000${nq.display}`;
  let plan = cache.get(key);
  if (!plan) cache.set(key, (plan = planQuery(nq, lex)));
  return plan;
}

/** The words in `title` that sound like the query: what "已显示…的结果" names. */
export function soundAlike(title: string, query: string): string | undefined {
  const target = toSyllables(query).join(" ");
  const han = title.replace(/[^\u4e00-\u9fff]/g, "");
  const n = toSyllables(query).length;
  for (let i = 0; i + n <= han.length; i++) {
    const part = han.slice(i, i + n);
    if (toSyllables(part).join(" ") === target) return part;
  }
  return undefined;
}

/** Page-based searches report totalHits; the client's types cannot tell from a widened params object. */
function totalOf(r: { hits: unknown[] }): number {
  const x = r as { totalHits?: number; estimatedTotalHits?: number };
  return x.totalHits ?? x.estimatedTotalHits ?? r.hits.length;
}

/** A question shown beside narrow results: one the best hit is stored as related to. */
export type Neighbour = { slug: string; title: string; region: string; insurance: string[]; topics: string[]; year: number | null; state: string };

export type SearchDeps = {
  index: Index<SearchDocument>;
  /** For the Postgres fallback when Meilisearch is unreachable or slow. */
  db?: Db;
  lexicon?: Lexicon;
  /** The related questions of an article (by id), for results that fill less than a page. */
  neighbours?: (articleId: string) => Promise<Neighbour[]>;
  /** performance.now() by which the whole search must be done, retries included; past it → fallback. */
  deadline?: number;
};

export async function searchArticles(p: SearchParams, deps: SearchDeps): Promise<SearchResult> {
  const started = performance.now();
  const nq = normalizeQuery(p.q);
  const queryPlan = cachedPlan(nq, deps.lexicon);
  let found: Awaited<ReturnType<typeof searchMeili>>;
  // Only Meilisearch's failure sends a search to Postgres; a failure of Postgres itself is not hidden.
  try {
    found = await searchMeili(p, queryPlan, deps);
  } catch (e) {
    if (!deps.db) throw e;
    return { ...(await fallbackResult(p, queryPlan, deps.db, started)), fallbackCause: fallbackCause(e) };
  }
  const { res: r, shownFor, yearShown, yearMissing } = found;
  const fd = r.facetDistribution ?? {};
  // A precise query that fills less than a page: show, apart, the questions stored as related to the
  // best hit, so that a narrow question still leads to its neighbours.
  let more: SearchHit[] = [];
  const best = r.hits[0];
  // Only for a query without filters: neighbours ignore the filters a person has chosen.
  const filtered = Boolean(p.region || p.insurance || p.topic || p.year);
  if (deps.neighbours && best && p.page === 1 && totalOf(r) < PAGE_SIZE && nq.kind !== "empty" && !filtered) {
    const seen = new Set(r.hits.map((h) => h.slug));
    more = (await deps.neighbours(best.id))
      .filter((a) => !seen.has(a.slug) && (seen.add(a.slug), true))
      .slice(0, PAGE_SIZE - r.hits.length)
      .map((a) => ({ slug: a.slug, title: escapeHtml(a.title), snippet: "", url: questionPath(a.slug), region: a.region, regionName: regionLabel(a.region), insurance: a.insurance, topics: a.topics, year: a.year, answered: isAnswered(a.state) }));
  }
  return {
    hits: r.hits.map((h) => toHit(h)),
    more,
    total: totalOf(r),
    page: p.page,
    pageSize: PAGE_SIZE,
    mode: "meilisearch",
    tookMs: Math.round(performance.now() - started),
    query: nq,
    shownFor,
    yearShown,
    yearMissing,
    facets: p.facets ? { province: fd.province ?? {}, city: fd.city ?? {}, insurance: fd.insurance ?? {}, topics: fd.topics ?? {}, year: fd.year ?? {} } : null,
  };
}

function fallbackCause(e: unknown): "timeout" | "unreachable" | "error" {
  const text = `${(e as Error)?.name ?? ""} ${(e as Error)?.message ?? ""} ${String((e as { cause?: unknown })?.cause ?? "")}`;
  if (/timeout|timed out|aborted/i.test(text)) return "timeout";
  if (/ECONNREFUSED|fetch failed|ENOTFOUND|EHOSTUNREACH|ECONNRESET|socket/i.test(text)) return "unreachable";
  return "error";
}

async function fallbackResult(p: SearchParams, plan: QueryPlan, db: Db, started: number): Promise<SearchResult> {
  const nq = plan.query;
  // The plan's first reading in Chinese words (a repaired typo, pinyin read as words), LIKE-matched.
  const step = plan.steps.find((s) => s.fields === "text");
  const fb = await fallbackSearch(db, step ? { ...nq, text: step.q } : nq, { ...p, year: p.year ?? step?.year });
  return {
    hits: fb.rows.map((r) => ({
      slug: r.slug,
      title: markTerms(r.title, fb.terms),
      snippet: markTerms(snippetAround(r.question || r.search_text, fb.terms), fb.terms),
      url: questionPath(r.slug),
      region: r.region,
      regionName: regionLabel(r.region),
      insurance: r.insurance,
      topics: r.topics,
      year: r.year,
      answered: r.answered,
    })),
    total: fb.total,
    page: p.page,
    pageSize: PAGE_SIZE,
    mode: "fallback",
    tookMs: Math.round(performance.now() - started),
    query: nq,
    facets: null,
    more: [],
  };
}

async function searchMeili(p: SearchParams, plan: QueryPlan, deps: SearchDeps) {
  const { index, deadline } = deps;
  // With a preference to apply (a place named; a year typed that a step without the year answers), the
  // first pages are cut from the best RANK_WINDOW hits reordered by it; later pages are the engine's.
  const rank = rankContext(p, plan);
  const canWindow = p.sort !== "newest" && p.page * PAGE_SIZE <= RANK_WINDOW;
  const context = (s: PlanStep): RankContext => (canWindow ? { ...rank, latestYearFirst: Boolean(plan.year && !p.year && !s.year) } : {});
  const common: MeiliParams = {
    sort: p.sort === "newest" ? ["updated:desc"] : undefined,
    facets: p.facets ? ["province", "city", "insurance", "topics", "year"] : undefined,
    attributesToRetrieve: ["id", "slug", "title", "region", "insurance", "topics", "year", "state", "answerCount", "answerAdvisor", "answerDate"],
    attributesToHighlight: ["title", "question", "answers"],
    attributesToCrop: ["question", "answers"],
    cropLength: 40,
    cropMarker: "…",
    highlightPreTag: PRE,
    highlightPostTag: POST,
  };
  const run = (s: PlanStep) => {
    if (deadline !== undefined && performance.now() > deadline) throw new Error("search took longer than its deadline");
    const on = FIELDS[s.fields];
    const windowed = hasPreference(context(s));
    return index.search(s.q, {
      ...common,
      hitsPerPage: windowed ? RANK_WINDOW : PAGE_SIZE,
      page: windowed ? 1 : p.page,
      ...(windowed ? { showRankingScoreDetails: true } : {}),
      // A year typed in the query narrows like the year filter does, unless a year was chosen already.
      filter: buildFilter({ ...p, year: p.year ?? s.year }),
      attributesToSearchOn: on,
      matchingStrategy: s.strategy,
      locales: s.fields === "text" ? ["cmn"] : undefined,
    });
  };

  let res: Awaited<ReturnType<typeof run>> | undefined;
  let shownFor: string | undefined;
  let yearShown: number | undefined;
  let yearMissing: number | undefined;
  for (const step of plan.steps) {
    res = await run(step);
    if (totalOf(res) === 0) continue;
    shownFor = step.shownFromHit ? (soundAlike(res.hits[0]!.title, plan.query.text) ?? res.hits[0]!.title) : step.shownFor;
    yearShown = p.year ? undefined : step.year;
    // A year typed, but only a step without it found something: that year has no such articles.
    yearMissing = plan.year && !p.year && !step.year ? plan.year : undefined;
    const ctx = context(step);
    if (hasPreference(ctx)) {
      const start = (p.page - 1) * PAGE_SIZE;
      const ordered = preferRegionAndYear(res.hits.map((h) => ({ ...h, matchingWords: matchingWords(h) })), ctx);
      res = { ...res, hits: ordered.slice(start, start + PAGE_SIZE) };
    }
    break;
  }
  return { res: res!, shownFor, yearShown, yearMissing };
}

/** How many of the query's words a hit matches, from Meilisearch's ranking score details. */
function matchingWords(h: object): number {
  const details = (h as { _rankingScoreDetails?: { words?: { matchingWords?: number } } })._rankingScoreDetails;
  return details?.words?.matchingWords ?? 0;
}

/** The place a query names (no region filter chosen): its articles are preferred (lib/query/rank.ts). */
function rankContext(p: SearchParams, plan: QueryPlan): RankContext {
  return plan.place && !p.region && p.sort !== "newest" ? { region: plan.place } : {};
}

function toHit(h: SearchDocument & { _formatted?: Partial<Record<keyof SearchDocument, unknown>> }): SearchHit {
  const f = h._formatted ?? {};
  const answerSnippet = typeof f.answers === "string" ? f.answers : "";
  const questionSnippet = typeof f.question === "string" ? f.question : "";
  // The passage of the answers that matches best: what answers the question, not how it was asked.
  const snippet = [answerSnippet, questionSnippet].find((s) => s.includes(PRE)) ?? (answerSnippet || questionSnippet);
  return {
    slug: h.slug,
    title: markHighlights(typeof f.title === "string" ? f.title : h.title),
    snippet: markHighlights(snippet),
    url: questionPath(h.slug),
    region: h.region,
    regionName: regionLabel(h.region),
    insurance: h.insurance,
    topics: h.topics,
    year: h.year,
    answered: isAnswered(h.state),
    answerCount: h.answerCount,
    ...(h.answerAdvisor ? { advisor: { id: h.answerAdvisor } } : {}),
    ...(h.answerDate ? { answerDate: h.answerDate } : {}),
  };
}

function snippetAround(text: string, terms: string[], radius = 40): string {
  const flat = text.replace(/\s+/g, " ");
  const at = terms.map((t) => flat.indexOf(t)).filter((i) => i >= 0).sort((a, b) => a - b)[0] ?? 0;
  const start = Math.max(0, at - radius / 2);
  return (start > 0 ? "…" : "") + flat.slice(start, start + radius * 2) + (start + radius * 2 < flat.length ? "…" : "");
}

function markTerms(text: string, terms: string[]): string {
  // Marked on the raw text, escaped afterwards: a term can never cut through an HTML entity. Text
  // from Postgres may hold the marker characters themselves; they are not markers.
  let out = stripPrivateUse(text);
  for (const t of [...terms].sort((a, b) => b.length - a.length)) {
    if (t) out = out.split(t).join(`${PRE}${t}${POST}`);
  }
  return markHighlights(out).replace(/<\/mark><mark>/g, "");
}
