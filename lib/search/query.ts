// Runs a search request against Meilisearch and shapes the response the page and the API share.
import { regionLabel } from "../regions/index.ts";
import { getIndex } from "./client.ts";
import { PAGE_SIZE, type SearchParams } from "./params.ts";

export type SearchHit = {
  slug: string;
  title: string;
  /** Escaped text with <mark> around matched words. */
  snippet: string;
  url: string;
  region: string;
  regionName: string;
  insurance: string[];
  topics: string[];
  year: number | null;
  status: string;
};

export type SearchResult = {
  hits: SearchHit[];
  total: number;
  page: number;
  pageSize: number;
  mode: "meilisearch";
  tookMs: number;
  query: string;
};

// Private-use characters as highlight tags: the text is HTML-escaped first, then they become <mark>.
const PRE = "\uE000";
const POST = "\uE001";

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export function markHighlights(s: string): string {
  return escapeHtml(s).replaceAll(PRE, "<mark>").replaceAll(POST, "</mark>");
}

function quote(v: string) {
  return JSON.stringify(v);
}

export function buildFilter(p: SearchParams): string[] {
  const f = [`status IN ["published", "unanswered"]`];
  if (p.region) {
    // A province or city filter matches everything beneath it.
    const field = p.region.endsWith("0000") ? "province" : p.region.endsWith("00") ? "city" : "region";
    f.push(`${field} = ${quote(p.region)}`);
  }
  if (p.insurance) f.push(`insurance = ${quote(p.insurance)}`);
  if (p.topic) f.push(`topics = ${quote(p.topic)}`);
  if (p.year) f.push(`year = ${p.year}`);
  return f;
}

export async function searchArticles(p: SearchParams, index = getIndex()): Promise<SearchResult> {
  const started = performance.now();
  const res = await index.search(p.q, {
    filter: buildFilter(p),
    hitsPerPage: PAGE_SIZE,
    page: p.page,
    sort: p.sort === "newest" ? ["updated:desc"] : undefined,
    attributesToRetrieve: ["id", "title", "region", "insurance", "topics", "year", "status"],
    attributesToHighlight: ["title"],
    attributesToCrop: ["question", "answers"],
    cropLength: 40,
    cropMarker: "…",
    highlightPreTag: PRE,
    highlightPostTag: POST,
  });
  const hits = res.hits.map((h): SearchHit => {
    const f = h._formatted ?? {};
    const answerSnippet = typeof f.answers === "string" ? f.answers : "";
    const questionSnippet = typeof f.question === "string" ? f.question : "";
    const snippet = [questionSnippet, answerSnippet].find((s) => s.includes(PRE)) ?? (questionSnippet || answerSnippet);
    return {
      slug: h.id,
      title: markHighlights(typeof f.title === "string" ? f.title : h.title),
      snippet: markHighlights(snippet),
      url: `/q/${h.id}`,
      region: h.region,
      regionName: regionLabel(h.region),
      insurance: h.insurance,
      topics: h.topics,
      year: h.year,
      status: h.status,
    };
  });
  return {
    hits,
    total: res.totalHits ?? hits.length,
    page: p.page,
    pageSize: PAGE_SIZE,
    mode: "meilisearch",
    tookMs: Math.round(performance.now() - started),
    query: p.q,
  };
}
