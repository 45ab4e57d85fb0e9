// schema.org structured data, shaped as Google documents each type (QAPage, BreadcrumbList, WebSite,
// Organization, CollectionPage/ItemList). Pure: plain values in, JSON-LD objects out; the page escapes
// them with jsonLdScript. Every URL is absolute (SITE_URL).
import { aboutPath, absoluteUrl, homePath, searchPath } from "../urls.ts";

export const SITE_NAME = "医保问答";

type Thing = Record<string, unknown>;
const CONTEXT = "https://schema.org";

export type Crumb = { name: string; path: string };

/** BreadcrumbList: every page; the last item is the page itself. */
export function breadcrumbList(siteUrl: string, crumbs: Crumb[]): Thing {
  return {
    "@context": CONTEXT,
    "@type": "BreadcrumbList",
    itemListElement: crumbs.map((c, i) => ({ "@type": "ListItem", position: i + 1, name: c.name, item: absoluteUrl(siteUrl, c.path) })),
  };
}

export type QaAnswer = { text: string; date: string; anchor: string; author: { name: string; jobTitle: string; path: string } };
export type QaQuestion = { path: string; title: string; text: string; published: string; answers: QaAnswer[] };

/**
 * QAPage, for a question with at least one published answer (null otherwise: an unanswered page is no
 * QAPage). The first answer — reviewed and shown first — is the accepted one; the others are suggested.
 */
export function qaPage(siteUrl: string, q: QaQuestion): Thing | null {
  if (!q.answers.length) return null;
  const url = absoluteUrl(siteUrl, q.path);
  const answer = (a: QaAnswer): Thing => ({
    "@type": "Answer",
    text: a.text,
    datePublished: a.date,
    url: `${url}#${a.anchor}`,
    author: { "@type": "Person", name: a.author.name, jobTitle: a.author.jobTitle, url: absoluteUrl(siteUrl, a.author.path) },
  });
  const [first, ...rest] = q.answers;
  return {
    "@context": CONTEXT,
    "@type": "QAPage",
    mainEntity: {
      "@type": "Question",
      name: q.title,
      text: q.text,
      datePublished: q.published,
      answerCount: q.answers.length,
      acceptedAnswer: answer(first!),
      ...(rest.length ? { suggestedAnswer: rest.map(answer) } : {}),
    },
  };
}

/** WebSite with the sitelinks search box's SearchAction: the home page. */
export function webSite(siteUrl: string): Thing {
  return {
    "@context": CONTEXT,
    "@type": "WebSite",
    name: SITE_NAME,
    url: absoluteUrl(siteUrl, homePath()),
    inLanguage: "zh-CN",
    potentialAction: {
      "@type": "SearchAction",
      target: { "@type": "EntryPoint", urlTemplate: `${absoluteUrl(siteUrl, searchPath())}?q={search_term_string}` },
      "query-input": "required name=search_term_string",
    },
  };
}

export function organization(siteUrl: string): Thing {
  return {
    "@context": CONTEXT,
    "@type": "Organization",
    name: SITE_NAME,
    url: absoluteUrl(siteUrl, homePath()),
    logo: absoluteUrl(siteUrl, "/icon.png"),
    contactPoint: { "@type": "ContactPoint", contactType: "customer support", url: absoluteUrl(siteUrl, `${aboutPath()}#contact`) },
  };
}

/** A landing page: a CollectionPage whose main entity is the ordered list of its questions. */
export function collectionPage(siteUrl: string, page: { path: string; title: string; description: string; items: { path: string; name: string }[] }): Thing {
  return {
    "@context": CONTEXT,
    "@type": "CollectionPage",
    name: page.title,
    url: absoluteUrl(siteUrl, page.path),
    description: page.description,
    inLanguage: "zh-CN",
    mainEntity: {
      "@type": "ItemList",
      numberOfItems: page.items.length,
      itemListElement: page.items.map((it, i) => ({ "@type": "ListItem", position: i + 1, url: absoluteUrl(siteUrl, it.path), name: it.name })),
    },
  };
}
