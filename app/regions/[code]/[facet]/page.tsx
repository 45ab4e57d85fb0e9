// /regions/<code>/<year> and /regions/<code>/<topic> — see lib/urls.ts for the address scheme.
import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { LandingPageView } from "@/components/LandingPage";
import { landingPageFor, landingMetadata } from "@/lib/site/landing-route";

// Served from the page cache, expired by the outbox worker (lib/site/page-cache.ts); 3600 = PAGE_TTL_SECONDS.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ code: string; facet: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return landingMetadata(await params);
}

export default async function RegionFacetPage({ params }: Props) {
  const found = await landingPageFor(await params);
  if (!found) notFound();
  if ("redirect" in found) permanentRedirect(found.redirect);
  return <LandingPageView view={found} />;
}
