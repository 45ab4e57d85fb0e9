import { describe, expect, it } from "vitest";
import { edgeBans } from "./edge.ts";

const matches = (bans: string[], path: string) => bans.some((b) => new RegExp(b).test(path));

describe("edgeBans", () => {
  const bans = edgeBans(["landing", "article:1", "slug:old-name"], ["yidi-beian"]);

  it("bans the changed articles' pages, by current and announced slug, and nothing beside them", () => {
    expect(matches(bans, "/q/yidi-beian")).toBe(true);
    expect(matches(bans, "/q/yidi-beian?x=1")).toBe(true);
    expect(matches(bans, "/q/old-name")).toBe(true);
    expect(matches(bans, "/q/yidi-beian-2")).toBe(false);
    expect(matches(bans, "/q/other")).toBe(false);
  });

  it("bans the landing pages and sitemaps for the landing tag, not the static files", () => {
    for (const p of ["/", "/?from=x", "/regions/520500", "/topics/%E9%97%A8", "/sitemap.xml", "/sitemaps/questions-0.xml", "/robots.txt"]) expect(matches(bans, p)).toBe(true);
    expect(matches(bans, "/_next/static/chunks/a.css")).toBe(false);
    expect(matches(edgeBans(["article:1"], ["a"]), "/regions/520500")).toBe(false);
  });

  it("bans every page that can show a policy's figures for a policy tag", () => {
    const p = edgeBans(["policy:bijie-2025"], []);
    for (const path of ["/q/any", "/regions/520500", "/calculators/bijie-2025"]) expect(matches(p, path)).toBe(true);
    expect(matches(p, "/about")).toBe(false);
  });

  it("bans the drug pages when a drug list changed", () => {
    expect(matches(edgeBans(["drugs", "landing"], []), "/drugs/erjiashuanggua")).toBe(true);
    expect(matches(edgeBans(["landing"], []), "/drugs/erjiashuanggua")).toBe(false);
  });

  it("never puts anything but a slug into a pattern, and splits long lists", () => {
    expect(edgeBans(["slug:a|.*"], [])).toEqual([]);
    const many = Array.from({ length: 450 }, (_, i) => `s${i}`);
    expect(edgeBans([], many)).toHaveLength(3);
  });
});
