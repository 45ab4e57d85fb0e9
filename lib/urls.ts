// Every path to a page of the site, built here and nowhere else. Pure, and small enough for the
// browser bundle (no region tables here).

export function questionPath(slug: string): string {
  return `/q/${slug}`;
}

export type SearchLink = { q?: string; region?: string; insurance?: string; topic?: string; year?: number | string; page?: number; sort?: string };

/** /search with the given parameters, leaving out empty ones and defaults (page 1, relevance). */
export function searchPath(p: SearchLink = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) {
    if (v === undefined || v === "" || (k === "page" && v === 1) || (k === "sort" && v === "relevance")) continue;
    qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `/search?${s}` : "/search";
}

// Landing pages (decided once, see docs/SEO.md): regions by their six-digit GB/T 2260 code (000000 is
// nationwide), topics by their name as written in content/topics.yaml, a year as four digits.
//   /regions/520500          毕节市
//   /regions/520500/2025     毕节市 2025年
//   /regions/520500/门诊统筹  毕节市 · 门诊统筹
//   /topics/门诊统筹          门诊统筹 (all regions)
export function regionPath(code: string): string {
  return `/regions/${code}`;
}

export function regionTopicPath(code: string, topic: string): string {
  return `/regions/${code}/${encodeURIComponent(topic)}`;
}

export function regionYearPath(code: string, year: number): string {
  return `/regions/${code}/${year}`;
}

export function topicPath(topic: string): string {
  return `/topics/${encodeURIComponent(topic)}`;
}

export function aboutPath(): string {
  return "/about";
}

/** An absolute URL on the site's public origin (canonicals, sitemaps, Open Graph, JSON-LD). */
export function absoluteUrl(siteUrl: string, path: string): string {
  return new URL(path, `${siteUrl.replace(/\/$/, "")}/`).toString();
}

export function calculatorsPath(): string {
  return "/calculators";
}

export function calculatorPath(policyId: string, query?: URLSearchParams | string): string {
  const qs = query?.toString();
  return `/calculators/${encodeURIComponent(policyId)}${qs ? `?${qs}` : ""}`;
}

export function advisorPath(id: string): string {
  return `/advisors/${encodeURIComponent(id)}`;
}

/** A reader's private follow link (the token is the only key to it). */
export function followPath(token: string): string {
  return `/follow/${token}`;
}

export function adminAnalyticsPath(p: { from?: string; to?: string; region?: string } = {}): string {
  const qs = new URLSearchParams(Object.entries(p).filter(([, v]) => v) as [string, string][]).toString();
  return `/admin/analytics${qs ? `?${qs}` : ""}`;
}

/** A content gap's story in the authoring app: its searches, the question made of it, the answer's effect. */
export function adminGapPath(id: number): string {
  return `/admin/analytics/gaps/${id}`;
}

/** A policy's review page in the authoring app: its figures, checks and the form to check it. */
export function adminPolicyPath(policyId: string): string {
  return `/admin/policies/${encodeURIComponent(policyId)}`;
}

/** A drug's page: every row of the national drug list under one name (lib/catalogue). */
export function drugPath(id: string): string {
  return `/drugs/${encodeURIComponent(id)}`;
}

/** The 甲类 / 乙类 explanation, written once, on every drug page. */
export function drugClassesPath(id: string): string {
  return `${drugPath(id)}#jia-yi`;
}
