// Sitemaps as the protocol (sitemaps.org) and Baidu want them: at most 50,000 URLs and 10 MB per file,
// absolute URLs, W3C dates; an index names the children, and robots.txt names every child too (Baidu
// does not read index files). Pure.
export const SITEMAP_MAX_URLS = 50_000;
export const SITEMAP_MAX_BYTES = 10 * 1024 * 1024;

export type SitemapEntry = { loc: string; lastmod?: string | null };

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
const day = (iso: string) => iso.slice(0, 10);

export function sitemapXml(entries: SitemapEntry[]): string {
  if (entries.length > SITEMAP_MAX_URLS) throw new Error(`a sitemap holds at most ${SITEMAP_MAX_URLS} URLs (got ${entries.length})`);
  const urls = entries.map((e) => `<url><loc>${xmlEscape(e.loc)}</loc>${e.lastmod ? `<lastmod>${day(e.lastmod)}</lastmod>` : ""}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
}

export function sitemapIndexXml(children: SitemapEntry[]): string {
  const items = children.map((e) => `<sitemap><loc>${xmlEscape(e.loc)}</loc>${e.lastmod ? `<lastmod>${day(e.lastmod)}</lastmod>` : ""}</sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join("\n")}\n</sitemapindex>\n`;
}

/** Child sitemap names: one for landing pages, then questions in pages of SITEMAP_MAX_URLS, then the
 * drug pages (one file: a drug list has a few thousand names) when there are any. */
export function sitemapNames(answeredQuestions: number, drugPages = 0): string[] {
  const pages = Math.max(1, Math.ceil(answeredQuestions / SITEMAP_MAX_URLS));
  return ["landing.xml", ...Array.from({ length: pages }, (_, i) => `questions-${i + 1}.xml`), ...(drugPages ? ["drugs.xml"] : [])];
}

export function parseSitemapName(name: string): { kind: "landing" } | { kind: "drugs" } | { kind: "questions"; page: number } | null {
  if (name === "landing.xml") return { kind: "landing" };
  if (name === "drugs.xml") return { kind: "drugs" };
  const m = /^questions-([1-9]\d{0,4})\.xml$/.exec(name);
  return m ? { kind: "questions", page: Number(m[1]) } : null;
}
