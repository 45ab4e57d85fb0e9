// Which landing pages exist, what each covers, and whether it deserves to be indexed. Pure: coverage
// counts and policy keys in, page descriptions out — the pages, the sitemap and the tests all ask here.
//
// A page exists where there is something to show: a province or city with public questions or policy
// data, a topic, a region × topic, a region × year with policy data. A page is indexable only when it
// is worth a search engine's visit (≥ MIN_ANSWERED answered questions, or policy data) and is not a
// copy of another page: a province whose content all sits in one city, or a year or topic page that
// shows exactly what its region page shows, defers to that page (noindex, canonical to it). These are
// the rules that keep the site from growing doorway pages.
import { getRegion, NATIONWIDE, regionLabel } from "../regions/index.ts";
import { regionPath, regionTopicPath, regionYearPath, topicPath } from "../urls.ts";

export const MIN_ANSWERED = 3;

/** Public articles of one exact region code, per topic and year (an article counts once per topic). */
export type CoverageRow = { region: string; topic: string; year: number | null; answered: number; total: number; lastmod: Date };
/** Public articles of one exact region code per year, each article once. */
export type RegionYearRow = { region: string; year: number | null; answered: number; total: number; lastmod: Date };
export type PolicyKey = { id: string; region: string; year: number };

export type LandingKind = "nation" | "region" | "topic" | "region-topic" | "region-year";

export type LandingPage = {
  kind: LandingKind;
  path: string;
  /** Region code the page covers (000000 for nationwide and topic pages). */
  region: string;
  topic?: string;
  year?: number;
  title: string;
  answered: number;
  total: number;
  /** Policy ids shown on the page. */
  policies: string[];
  /** ISO time of the last change to anything listed (the sitemap's lastmod). */
  lastmod: string | null;
  parent: string | null;
  indexable: boolean;
  /** Itself when indexable; otherwise the page it defers to. */
  canonical: string;
  /** Why a page is not indexed, for the docs and the tests. */
  reason?: "thin" | "same-as-parent" | "same-as-child";
};

/** The landing-page level of a region: counties roll up into their city. */
export function landingRegion(code: string): string | null {
  const r = getRegion(code);
  if (!r) return null;
  if (r.level === "county") return r.cityCode;
  return r.code;
}

/** Region codes from the page's region up to (not including) nationwide: 毕节 → [毕节, 贵州]. */
function chain(code: string): string[] {
  const r = getRegion(code);
  if (!r || r.level === "nation") return [];
  // Municipalities (北京市 110000 › 北京市 110100): both pages exist; the province defers to the city
  // by the same-content rule below.
  return [...new Set([r.cityCode, r.provinceCode].filter((c): c is string => !!c))];
}

type Acc = { answered: number; total: number; lastmod: Date | null; policies: Set<string> };
const acc = (): Acc => ({ answered: 0, total: 0, lastmod: null, policies: new Set() });
const later = (a: Date | null, b: Date) => (!a || b > a ? b : a);

/** What names a landing page: its kind, region (000000 for 全国 and topic pages), topic or year. */
export type LandingSpec = { kind: LandingKind; region: string; topic?: string; year?: number };

export function landingPath(s: LandingSpec): string {
  if (s.kind === "topic") return topicPath(s.topic!);
  if (s.kind === "region-topic") return regionTopicPath(s.region, s.topic!);
  if (s.kind === "region-year") return regionYearPath(s.region, s.year!);
  return regionPath(s.region);
}

export function landingTitle(s: LandingSpec): string {
  const place = regionLabel(s.region);
  if (s.kind === "topic") return `${s.topic}常见问题`;
  if (s.kind === "region-topic") return `${place}${s.topic}`;
  if (s.kind === "region-year") return `${place}${s.year}年医保待遇`;
  return s.kind === "nation" ? "全国医保问答" : `${place}医保问答`;
}

/** City → province → 全国; topic → 全国; region × topic or year → its region; 全国 has none. */
export function landingParent(s: LandingSpec): string | null {
  if (s.kind === "nation") return null;
  if (s.kind !== "region") return regionPath(s.kind === "topic" ? NATIONWIDE : s.region);
  const r = getRegion(s.region);
  return regionPath(r?.level === "city" && r.provinceCode && r.provinceCode !== s.region ? r.provinceCode : NATIONWIDE);
}

export function planLandingPages(byTopic: CoverageRow[], byYear: RegionYearRow[], policies: PolicyKey[]): LandingPage[] {
  const regions = new Map<string, Acc>(); // region page → all its articles
  const regionTopics = new Map<string, Acc>(); // `${region}|${topic}`
  const regionYears = new Map<string, Acc>(); // `${region}|${year}`
  const topics = new Map<string, Acc>();
  const get = (m: Map<string, Acc>, k: string) => m.get(k) ?? (m.set(k, acc()), m.get(k)!);
  const add = (a: Acc, r: { answered: number; total: number; lastmod: Date }) => {
    a.answered += r.answered;
    a.total += r.total;
    a.lastmod = later(a.lastmod, r.lastmod);
  };

  for (const r of byYear) {
    add(get(regions, NATIONWIDE), r);
    for (const c of chain(r.region)) {
      add(get(regions, c), r);
      if (r.year) add(get(regionYears, `${c}|${r.year}`), r);
    }
  }
  for (const r of byTopic) {
    add(get(topics, r.topic), r);
    for (const c of chain(r.region)) add(get(regionTopics, `${c}|${r.topic}`), r);
  }
  for (const p of policies) {
    get(regions, NATIONWIDE).policies.add(p.id);
    for (const c of chain(p.region)) {
      get(regions, c).policies.add(p.id);
      get(regionYears, `${c}|${p.year}`).policies.add(p.id);
    }
  }

  const pages: LandingPage[] = [];
  const page = (spec: LandingSpec, a: Acc) => {
    const worth = a.answered >= MIN_ANSWERED || a.policies.size > 0;
    const path = landingPath(spec);
    const parent = landingParent(spec);
    pages.push({
      ...spec, path, title: landingTitle(spec),
      answered: a.answered, total: a.total, policies: [...a.policies].sort(), lastmod: a.lastmod?.toISOString() ?? null,
      parent, indexable: worth, canonical: worth || !parent ? path : parent,
      ...(worth ? {} : { reason: "thin" as const }),
    });
  };

  page({ kind: "nation", region: NATIONWIDE }, regions.get(NATIONWIDE) ?? acc());
  for (const [code, a] of regions) if (code !== NATIONWIDE) page({ kind: "region", region: code }, a);
  for (const [topic, a] of topics) page({ kind: "topic", region: NATIONWIDE, topic }, a);
  for (const [k, a] of regionTopics) {
    const [region, topic] = k.split("|") as [string, string];
    page({ kind: "region-topic", region, topic }, a);
  }
  for (const [k, a] of regionYears) {
    const [region, y] = k.split("|") as [string, string];
    // A year page exists for policy data; a year of questions alone is what the region page lists.
    if (a.policies.size) page({ kind: "region-year", region, year: Number(y) }, a);
  }
  deferCopies(pages);
  return pages;
}

function sameContent(a: LandingPage, b: LandingPage): boolean {
  return a.total === b.total && a.policies.length === b.policies.length && a.policies.every((p, i) => p === b.policies[i]);
}

function defer(p: LandingPage, to: string, reason: LandingPage["reason"]) {
  p.indexable = false;
  p.canonical = to;
  p.reason = reason;
}

/**
 * A page whose content equals its region page's (every article of 毕节 is from 2025, so 毕节 2025 shows
 * what 毕节 shows) defers to it; a province whose content all sits in one of its cities defers to the
 * city. Content sets nest (a child's articles are a subset of its parent's), so equal counts and equal
 * policy lists mean equal content.
 */
function deferCopies(pages: LandingPage[]) {
  const byPath = new Map(pages.map((p) => [p.path, p]));
  for (const p of pages) {
    if (!p.indexable || (p.kind !== "region-topic" && p.kind !== "region-year")) continue;
    const parent = p.parent ? byPath.get(p.parent) : undefined;
    if (parent && sameContent(p, parent)) defer(p, parent.path, "same-as-parent");
  }
  for (const p of pages) {
    if (p.kind !== "region" || !p.indexable || getRegion(p.region)?.level !== "province") continue;
    const child = pages.find((c) => c.kind === "region" && c.parent === p.path && sameContent(c, p));
    if (child) defer(p, child.path, "same-as-child");
  }
}

/** The page at a path, if it exists. */
export function findLandingPage(pages: LandingPage[], path: string): LandingPage | undefined {
  return pages.find((p) => p.path === path);
}

export function childRegions(pages: LandingPage[], code: string): LandingPage[] {
  const path = regionPath(code);
  return pages.filter((p) => p.kind === "region" && p.parent === path).sort((a, b) => b.answered - a.answered || a.region.localeCompare(b.region));
}

/** Other regions under the same parent, most answered first. */
export function neighbourRegions(pages: LandingPage[], code: string): LandingPage[] {
  const me = pages.find((p) => p.kind === "region" && p.region === code);
  if (!me?.parent) return [];
  return pages.filter((p) => p.kind === "region" && p.parent === me.parent && p.region !== code).sort((a, b) => b.answered - a.answered || a.region.localeCompare(b.region));
}

/**
 * The page's opening line, made from its data only (no filler prose): how many questions, how many
 * answered, the main topics, and the policy data it holds.
 */
export function summarise(p: Pick<LandingPage, "answered" | "total">, place: string, topics: string[], policyTitles: string[]): string {
  const parts: string[] = [];
  if (p.total) {
    parts.push(`${place}收录 ${p.total} 个问题，其中 ${p.answered} 个已有顾问解答`);
    if (topics.length) parts.push(`主要涉及${topics.slice(0, 4).join("、")}`);
  } else parts.push(`${place}暂时还没有收录问题`);
  if (policyTitles.length) parts.push(`政策数据 ${policyTitles.length} 份：${policyTitles.join("、")}`);
  return `${parts.join("；")}。`;
}
