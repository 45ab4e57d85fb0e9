// The three landing routes' shared steps: resolve the address, load the view once per request (React
// cache: generateMetadata and the page share it), and say what the <head> carries.
import "server-only";
import type { Metadata } from "next";
import { cache } from "react";
import { landingView, resolveLanding, type LandingView } from "./landing.ts";
import { pageMetadata } from "./metadata.ts";

type Params = { code?: string; facet?: string; topic?: string };

// Keyed by strings: React's cache compares arguments by identity.
const load = cache(async (code?: string, facet?: string, topic?: string): Promise<LandingView | { redirect: string } | null> => {
  const spec = await resolveLanding({ code, facet, topic });
  if (!spec || "redirect" in spec) return spec;
  return landingView(spec);
});

export function landingPageFor(p: Params) {
  return load(p.code, p.facet, p.topic);
}

export async function landingMetadata(p: Params): Promise<Metadata> {
  const found = await landingPageFor(p);
  if (!found || "redirect" in found) return { title: "找不到这个页面" };
  const { page, summary } = found;
  return pageMetadata({ title: page.title, description: summary, path: page.path, canonical: page.canonical, noindex: !page.indexable });
}
