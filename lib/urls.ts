// Every path of the site — public pages, the authoring app's pages and the JSON API — built here and
// nowhere else (a unit test greps for literals elsewhere). Pure, and small enough for the browser
// bundle (no region tables here). Route files live at these paths; they are the one other place.

export function homePath(): string {
  return "/";
}

const QUESTION_PREFIX = "/q/";

export function questionPath(slug: string): string {
  return `${QUESTION_PREFIX}${slug}`;
}

/** A CSS selector for links to question pages (search result clicks are counted by it). */
export const QUESTION_LINK_SELECTOR = `a[href^='${QUESTION_PREFIX}']`;

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

/** The calculators' index, optionally narrowed (region=…). */
export function calculatorsPath(query?: URLSearchParams | Record<string, string>): string {
  const qs = query ? new URLSearchParams(query).toString() : "";
  return `/calculators${qs ? `?${qs}` : ""}`;
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

/** Where sitemaps are: the index, and each child sitemap by name. */
export function sitemapIndexPath(): string {
  return "/sitemap.xml";
}

export function sitemapPath(name: string): string {
  return `/sitemaps/${name}`;
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

// The authoring app.
export function adminPath(): string {
  return "/admin";
}

export function adminSignInPath(): string {
  return "/admin/sign-in";
}

/** A question's editing page; `anchor` a section of it (figure-checks). */
export function adminQuestionPath(slug: string, anchor?: string): string {
  return `/admin/q/${slug}${anchor ? `#${anchor}` : ""}`;
}

export function adminReviewPath(id: number | string): string {
  return `/admin/reviews/${id}`;
}

/** The authoring app's sections, as its navigation lists them. */
export const ADMIN_SECTIONS = {
  reviews: "/admin/reviews",
  stale: "/admin/stale",
  policies: "/admin/policies",
  moderation: "/admin/moderation",
  analytics: "/admin/analytics",
  accounts: "/admin/accounts",
  audit: "/admin/audit",
  account: "/admin/account",
} as const;

// The JSON API (docs/API.md).
export const API_ROOT = "/api";

export const API_PATHS = {
  auth: "/api/auth",
  signIn: "/api/auth/sign-in/email",
  signOut: "/api/auth/sign-out",
  changePassword: "/api/auth/change-password",
  revokeOtherSessions: "/api/auth/revoke-other-sessions",
  search: "/api/search",
  health: "/api/health",
  healthLive: "/api/health/live",
  healthReady: "/api/health/ready",
  searchClick: "/api/search/click",
  questions: "/api/questions",
  follow: "/api/questions/follow",
  calculatorEstimate: "/api/calculators/estimate",
  revalidate: "/api/internal/revalidate",
  adminAccounts: "/api/admin/accounts",
  adminPreview: "/api/admin/preview",
} as const;

export function searchApiPath(q: string): string {
  return `${API_PATHS.search}?q=${encodeURIComponent(q)}`;
}

export function suggestApiPath(q: string): string {
  return `/api/suggest?q=${encodeURIComponent(q)}`;
}

export function adminAccountApiPath(id: string): string {
  return `/api/admin/accounts/${encodeURIComponent(id)}`;
}

export function adminQuestionApiPath(slug: string, action: "claim" | "draft" | "draft/submit" | "aliases" | "state"): string {
  return `/api/admin/questions/${slug}/${action}`;
}

export function adminAnswerChecksApiPath(answerId: number | string): string {
  return `/api/admin/answers/${answerId}/checks`;
}

export function adminPolicyChecksApiPath(policyId: string): string {
  return `/api/admin/policies/${encodeURIComponent(policyId)}/checks`;
}

export function adminReviewApiPath(id: number | string): string {
  return `/api/admin/reviews/${id}`;
}

export function adminRevisionRestoreApiPath(id: number | string): string {
  return `/api/admin/revisions/${id}/restore`;
}

export function adminModerationApiPath(slug: string): string {
  return `/api/admin/moderation/${slug}`;
}

export function adminGapApiPath(id: number): string {
  return `/api/admin/analytics/gaps/${id}`;
}

export function adminAnalyticsExportApiPath(query: URLSearchParams | string): string {
  const qs = query.toString();
  return `/api/admin/analytics/export${qs ? `?${qs}` : ""}`;
}

/** A drug's page: every row of the national drug list under one name (lib/catalogue). */
export function drugPath(id: string): string {
  return `/drugs/${encodeURIComponent(id)}`;
}

/** The 甲类 / 乙类 explanation, written once, on every drug page. */
export function drugClassesPath(id: string): string {
  return `${drugPath(id)}#jia-yi`;
}
