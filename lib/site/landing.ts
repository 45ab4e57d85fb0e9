// What a landing page shows, composed from Postgres (lib/articles/landing), the policy files and the
// page rules (lib/seo/landing-pages). Everything here is cached under the `landing` tag.
import "server-only";
import { landingArticles, landingCoverage, type LandingArticle, type LandingScope } from "../articles/landing.ts";
import { policyFacts, type PolicyFacts } from "../calculators/engine/policy-facts.ts";
import type { Policy } from "../calculators/engine/policy-schema.ts";
import { todayInChina } from "../domain/dates.ts";
import { getPolicies } from "../calculators/policies/server-policies.ts";
import { buildCalculatorConfig, estimateOutcome } from "../calculators/widget/widget-config.ts";
import { defaultState } from "../calculators/widget/widget-state.ts";
import { getPublicDb } from "../db/client.ts";
import { getRegion, NATIONWIDE, regionLabel } from "../regions/index.ts";
import {
  childRegions, findLandingPage, landingParent, landingPath, type LandingPage, type LandingSpec, landingTitle, neighbourRegions, planLandingPages, summarise,
} from "../seo/landing-pages.ts";

export type { LandingSpec } from "../seo/landing-pages.ts";
import type { Crumb } from "../seo/structured-data.ts";
import { regionPath, topicPath } from "../urls.ts";
import { landingCached } from "./page-cache.ts";

/** Every landing page that exists, with its indexability: one aggregate query, cached. */
export const landingPlan = landingCached("plan", async (): Promise<LandingPage[]> => {
  const [{ byTopic, byYear }, policies] = await Promise.all([landingCoverage(getPublicDb()), getPolicies()]);
  return planLandingPages(byTopic, byYear, policies.map((p) => ({ id: p.id, region: p.region, year: p.year })));
});

const cachedArticles = landingCached("articles", (scope: LandingScope, take: number) => landingArticles(getPublicDb(), scope, take));

export type LandingCalculator = {
  facts: PolicyFacts;
  expired: boolean;
  config: ReturnType<typeof buildCalculatorConfig>;
  state: ReturnType<typeof defaultState>;
  outcome: ReturnType<typeof estimateOutcome>;
};

export type LandingView = {
  page: LandingPage;
  crumbs: Crumb[];
  summary: string;
  groups: { topic: string; articles: LandingArticle[] }[];
  calculators: LandingCalculator[];
  children: LandingPage[];
  neighbours: LandingPage[];
  /** Region × topic and region × year pages under this region, and topic pages for the nation. */
  facets: { topics: LandingPage[]; years: LandingPage[] };
  listed: LandingArticle[];
};

/** 全国 › 省 › 市 › this page. */
function crumbsOf(s: LandingSpec, title: string): Crumb[] {
  const places = s.kind === "topic" ? [] : (getRegion(s.region)?.path ?? []).filter((p, i, all) => i === 0 || p.name !== all[i - 1]!.name);
  const trail: Crumb[] = [{ name: "全国", path: regionPath(NATIONWIDE) }, ...places.map((p) => ({ name: p.name, path: regionPath(p.code) }))];
  if (s.kind === "nation" || s.kind === "region") trail.pop(); // the page itself, named by its title below
  return [...trail, { name: title, path: landingPath(s) }];
}

function calculatorFor(policies: Policy[], policy: Policy, today: string): LandingCalculator {
  const config = buildCalculatorConfig(policies, policy, today);
  const state = defaultState(config);
  return { facts: policyFacts(policy), expired: today > policy.effective.to, config, state, outcome: estimateOutcome(policies, config, state) };
}

/** The view of a landing page; null when the spec names no page that can exist. */
export async function landingView(spec: LandingSpec): Promise<LandingView | null> {
  const plan = await landingPlan();
  const path = landingPath(spec);
  const title = landingTitle(spec);
  // A valid place or topic without content yet still gets a page (noindex, canonical to its parent):
  // readers follow links to it; search engines are told there is nothing to index.
  const parent = landingParent(spec);
  const page: LandingPage = findLandingPage(plan, path) ?? {
    kind: spec.kind, path, region: spec.region, topic: spec.topic, year: spec.year, title,
    answered: 0, total: 0, policies: [], lastmod: null,
    parent, indexable: false, canonical: parent ?? path, reason: "thin",
  };

  const scope: LandingScope = { region: spec.region, everyRegion: spec.kind === "topic", topic: spec.topic, year: spec.year };
  const listed = await cachedArticles(scope, 100);
  const byTopic = new Map<string, LandingArticle[]>();
  for (const a of listed) {
    const t = spec.topic ?? a.topics[0] ?? "其他";
    if (!byTopic.has(t)) byTopic.set(t, []);
    byTopic.get(t)!.push(a);
  }
  const groups = [...byTopic].map(([topic, articles]) => ({ topic, articles })).sort((a, b) => b.articles.length - a.articles.length);

  const all = await getPolicies();
  const today = todayInChina();
  const mine = all.filter((p) => page.policies.includes(p.id)).sort((a, b) => b.year - a.year || a.id.localeCompare(b.id));
  const calculators = mine.map((p) => calculatorFor(all, p, today));

  const sub = plan.filter((p) => p.region === spec.region && p.parent === regionPath(spec.region));
  const facets = spec.kind === "region" || spec.kind === "nation"
    ? {
        topics: spec.kind === "nation" ? plan.filter((p) => p.kind === "topic").sort((a, b) => b.total - a.total) : sub.filter((p) => p.kind === "region-topic").sort((a, b) => b.total - a.total),
        years: sub.filter((p) => p.kind === "region-year").sort((a, b) => (b.year ?? 0) - (a.year ?? 0)),
      }
    : { topics: [], years: [] };
  const place = spec.kind === "topic" ? "全国" : regionLabel(spec.region);
  return {
    page,
    crumbs: crumbsOf(spec, page.title),
    summary: summarise(page, place, groups.map((g) => g.topic).filter((t) => t !== spec.topic), mine.map((p) => p.title)),
    groups,
    calculators,
    children: spec.kind === "region" || spec.kind === "nation" ? childRegions(plan, spec.region) : [],
    neighbours: spec.kind === "region" ? neighbourRegions(plan, spec.region) : [],
    facets,
    listed,
  };
}

/**
 * The page a /regions/<code>[/<facet>] or /topics/<topic> address names. "redirect" for a county (its
 * city's page lists it); null for an address that names no page (404).
 */
export async function resolveLanding(raw: { code?: string; facet?: string; topic?: string }): Promise<LandingSpec | { redirect: string } | null> {
  const decode = (v: string) => {
    try {
      return decodeURIComponent(v);
    } catch {
      return null;
    }
  };
  const plan = await landingPlan();
  const knownTopic = (t: string) => plan.some((p) => p.kind === "topic" && p.topic === t);
  if (raw.topic !== undefined) {
    const topic = decode(raw.topic);
    return topic && knownTopic(topic) ? { kind: "topic", region: NATIONWIDE, topic } : null;
  }
  const code = raw.code ?? "";
  const region = /^\d{6}$/.test(code) ? getRegion(code) : undefined;
  if (!region) return null;
  if (region.level === "county") return { redirect: raw.facet ? `${regionPath(region.cityCode!)}/${raw.facet}` : regionPath(region.cityCode!) };
  if (raw.facet === undefined) return { kind: region.level === "nation" ? "nation" : "region", region: code };
  if (region.level === "nation") {
    // 全国 × topic is the topic page.
    const topic = decode(raw.facet);
    return topic && knownTopic(topic) ? { redirect: topicPath(topic) } : null;
  }
  if (/^\d{4}$/.test(raw.facet)) {
    const year = Number(raw.facet);
    return plan.some((p) => p.kind === "region-year" && p.region === code && p.year === year) ? { kind: "region-year", region: code, year } : null;
  }
  const topic = decode(raw.facet);
  return topic && knownTopic(topic) ? { kind: "region-topic", region: code, topic } : null;
}
