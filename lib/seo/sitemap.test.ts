import { describe, expect, it } from "vitest";
import { parseSitemapName, SITEMAP_MAX_URLS, sitemapIndexXml, sitemapNames, sitemapXml } from "./sitemap.ts";

describe("sitemaps", () => {
  it("writes absolute, escaped locations with W3C dates", () => {
    const xml = sitemapXml([{ loc: "https://x.cn/q/a?b=1&c=2", lastmod: "2026-11-30T08:00:00.000Z" }, { loc: "https://x.cn/regions/000000" }]);
    expect(xml).toContain("<loc>https://x.cn/q/a?b=1&amp;c=2</loc><lastmod>2026-11-30</lastmod>");
    expect(xml).toContain("<url><loc>https://x.cn/regions/000000</loc></url>");
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  });

  it("splits questions into children of at most 50,000 and refuses a bigger one", () => {
    expect(sitemapNames(0)).toEqual(["landing.xml", "questions-1.xml"]);
    expect(sitemapNames(SITEMAP_MAX_URLS)).toEqual(["landing.xml", "questions-1.xml"]);
    expect(sitemapNames(SITEMAP_MAX_URLS + 1)).toEqual(["landing.xml", "questions-1.xml", "questions-2.xml"]);
    expect(sitemapNames(1, 1872)).toEqual(["landing.xml", "questions-1.xml", "drugs.xml"]);
    expect(() => sitemapXml(Array.from({ length: SITEMAP_MAX_URLS + 1 }, (_, i) => ({ loc: `https://x.cn/${i}` })))).toThrow(/50000/);
  });

  it("keeps a full child under 10 MB", () => {
    const slug = "a".repeat(80);
    const xml = sitemapXml(Array.from({ length: SITEMAP_MAX_URLS }, (_, i) => ({ loc: `https://yibao.example.cn/q/${slug}-${i}`, lastmod: "2026-11-30" })));
    expect(Buffer.byteLength(xml)).toBeLessThan(10 * 1024 * 1024);
  });

  it("reads only names it writes", () => {
    expect(parseSitemapName("landing.xml")).toEqual({ kind: "landing" });
    expect(parseSitemapName("questions-2.xml")).toEqual({ kind: "questions", page: 2 });
    expect(parseSitemapName("drugs.xml")).toEqual({ kind: "drugs" });
    for (const bad of ["questions-0.xml", "questions-x.xml", "../etc", "landing.xml.gz"]) expect(parseSitemapName(bad)).toBeNull();
    expect(sitemapIndexXml([{ loc: "https://x.cn/sitemaps/landing.xml" }])).toContain("<sitemap><loc>https://x.cn/sitemaps/landing.xml</loc></sitemap>");
  });
});
