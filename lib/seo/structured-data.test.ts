// The shapes Google documents for each type (developers.google.com/search/docs/appearance/structured-data):
// required properties present, URLs absolute, and nothing claimed that the page does not show.
import { describe, expect, it } from "vitest";
import { breadcrumbList, collectionPage, organization, qaPage, webSite } from "./structured-data.ts";
import { jsonLdScript } from "./json-ld.ts";

const SITE = "https://yibao.example.cn";
const absolute = (u: unknown) => typeof u === "string" && /^https:\/\/yibao\.example\.cn\//.test(u);
const answer = (n: number) => ({ text: `解答${n}`, date: "2026-11-0" + n, anchor: `answer-${n}`, author: { name: `顾问${n}`, jobTitle: "律师", path: `/advisors/a${n}` } });

describe("QAPage", () => {
  it("is built only for a question with answers", () => {
    expect(qaPage(SITE, { path: "/q/x", title: "问", text: "问", published: "2026-01-01", answers: [] })).toBeNull();
  });

  it("marks up every answer shown: the first accepted, the rest suggested, each with url, date and a Person author", () => {
    const qa = qaPage(SITE, { path: "/q/x", title: "居民医保能异地就医吗？", text: "在外地打工…", published: "2026-01-01", answers: [answer(1), answer(2), answer(3)] })!;
    expect(qa["@type"]).toBe("QAPage");
    const q = qa.mainEntity as Record<string, unknown>;
    expect(q).toMatchObject({ "@type": "Question", name: "居民医保能异地就医吗？", answerCount: 3, datePublished: "2026-01-01" });
    const all = [q.acceptedAnswer, ...(q.suggestedAnswer as unknown[])] as Record<string, unknown>[];
    expect(all).toHaveLength(q.answerCount as number);
    for (const [i, a] of all.entries()) {
      expect(a["@type"]).toBe("Answer");
      expect(a.text).toBe(`解答${i + 1}`);
      expect(a.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(a.url).toBe(`${SITE}/q/x#answer-${i + 1}`);
      expect(a.author).toMatchObject({ "@type": "Person", name: `顾问${i + 1}`, jobTitle: "律师" });
      expect(absolute((a.author as Record<string, unknown>).url)).toBe(true);
    }
  });

  it("has no suggestedAnswer when there is one answer", () => {
    const q = qaPage(SITE, { path: "/q/x", title: "问", text: "问", published: "2026-01-01", answers: [answer(1)] })!.mainEntity as Record<string, unknown>;
    expect(q.answerCount).toBe(1);
    expect(q.suggestedAnswer).toBeUndefined();
  });
});

describe("the other types", () => {
  it("BreadcrumbList: positions from 1, a name and an absolute item each", () => {
    const b = breadcrumbList(SITE, [{ name: "全国", path: "/regions/000000" }, { name: "门诊统筹", path: `/topics/${encodeURIComponent("门诊统筹")}` }]);
    expect(b["@type"]).toBe("BreadcrumbList");
    const items = b.itemListElement as Record<string, unknown>[];
    expect(items.map((i) => i.position)).toEqual([1, 2]);
    expect(items.every((i) => i["@type"] === "ListItem" && typeof i.name === "string" && absolute(i.item))).toBe(true);
  });

  it("WebSite: a SearchAction whose template holds the query-input's name", () => {
    const w = webSite(SITE);
    const action = w.potentialAction as { target: { urlTemplate: string }; "query-input": string };
    expect(action.target.urlTemplate).toBe(`${SITE}/search?q={search_term_string}`);
    expect(action["query-input"]).toBe("required name=search_term_string");
  });

  it("Organization: name, url and an absolute logo", () => {
    expect(organization(SITE)).toMatchObject({ "@type": "Organization", name: "医保问答", url: `${SITE}/` });
    expect(absolute(organization(SITE).logo)).toBe(true);
  });

  it("CollectionPage: an ItemList of the listed questions in order", () => {
    const c = collectionPage(SITE, { path: "/regions/520500", title: "毕节", description: "…", items: [{ path: "/q/a", name: "A" }, { path: "/q/b", name: "B" }] });
    const list = c.mainEntity as { numberOfItems: number; itemListElement: { position: number; url: string }[] };
    expect(list.numberOfItems).toBe(2);
    expect(list.itemListElement.map((i) => [i.position, i.url])).toEqual([[1, `${SITE}/q/a`], [2, `${SITE}/q/b`]]);
  });

  it("survives text that would close the script element", () => {
    const qa = qaPage(SITE, { path: "/q/x", title: "</script><script>alert(1)</script>", text: "x", published: "2026-01-01", answers: [answer(1)] });
    expect(jsonLdScript(qa)).not.toContain("</script>");
  });
});
