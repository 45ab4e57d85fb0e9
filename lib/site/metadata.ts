// The <head> of every page, in one place: absolute canonical (SITE_URL), description, robots, Open
// Graph and Twitter tags. A page states what it is; this decides how that is said to crawlers.
import "server-only";
import type { Metadata } from "next";
import { env } from "../env.ts";
import { SITE_NAME } from "../seo/structured-data.ts";
import { absoluteUrl } from "../urls.ts";

export type PageHead = {
  title: string;
  description: string;
  path: string;
  /** Where the page defers to (a thin landing page to its parent); the page itself by default. */
  canonical?: string;
  /** Kept out of search engines (thin or unanswered pages), links still followed. */
  noindex?: boolean;
  type?: "website" | "article";
  published?: string;
  modified?: string;
};

/** Descriptions are one line of about 120 characters: what a result snippet shows. */
export function describe(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

export function pageMetadata(h: PageHead): Metadata {
  const site = env().siteUrl;
  const url = absoluteUrl(site, h.canonical ?? h.path);
  const description = describe(h.description);
  return {
    title: h.title,
    description,
    alternates: { canonical: url },
    robots: h.noindex ? { index: false, follow: true } : undefined,
    openGraph: {
      type: h.type ?? "website",
      siteName: SITE_NAME,
      locale: "zh_CN",
      url,
      title: h.title,
      description,
      images: [{ url: absoluteUrl(site, "/icon.png"), width: 512, height: 512, alt: SITE_NAME }],
      ...(h.type === "article" ? { publishedTime: h.published, modifiedTime: h.modified } : {}),
    },
    twitter: { card: "summary", title: h.title, description },
  };
}
