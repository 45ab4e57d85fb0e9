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

export function regionPath(code: string): string {
  return searchPath({ region: code });
}

export function topicPath(topic: string): string {
  return searchPath({ topic });
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
