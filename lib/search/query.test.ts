import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeQuery } from "../query/normalize.ts";
import { toSearchDocument } from "./document.ts";
import { fallbackTerms } from "./fallback.ts";
import { buildFilter, markHighlights, soundAlike } from "./query.ts";

describe("search filters", () => {
  it("filters a province or city on everything beneath it", () => {
    expect(buildFilter({ region: "520000" })).toContain('province = "520000"');
    expect(buildFilter({ region: "520500", year: 2025 })).toEqual(expect.arrayContaining(['city = "520500"', "year = 2025"]));
    expect(buildFilter({ region: "520502" })).toContain('region = "520502"');
  });

  it("names the words of a title that sound like the query", () => {
    expect(soundAlike("门诊统筹是什么？", "门诊通筹")).toBe("门诊统筹");
  });
});

describe("highlighting", () => {
  it("escapes the text and only the markers become <mark>", () => {
    expect(markHighlights("<b>\uE000异地\uE001</b> & 'x'")).toBe("&lt;b&gt;<mark>异地</mark>&lt;/b&gt; &amp; &#39;x&#39;");
  });
});

describe("fallback terms", () => {
  it("splits long Chinese runs into bigrams and keeps short words", () => {
    expect(fallbackTerms(normalizeQuery("异地就医备案 app"))).toEqual(["异地", "地就", "就医", "医备", "备案", "app"]);
  });
});

describe("highlight tags", () => {
  /** Every <mark> closed, none nested, no other tag: what the page can put in as HTML. */
  const balanced = (html: string) => {
    let open = false;
    for (const tag of html.match(/<[^>]*>/g) ?? []) {
      if (tag === "<mark>" && !open) open = true;
      else if (tag === "</mark>" && open) open = false;
      else return false;
    }
    return !open;
  };

  it("are balanced whatever the text holds: markers out of order, doubled, unclosed, HTML", () => {
    expect(markHighlights("a\uE001b\uE000c")).toBe("ab<mark>c</mark>");
    expect(markHighlights("\uE000\uE000x\uE001\uE001")).toBe("<mark>x</mark>");
    const text = fc.array(fc.constantFrom("\uE000", "\uE001", "<", ">", "&", "mark", "/", "异地", " ", "\uE002"), { maxLength: 40 }).map((a) => a.join(""));
    fc.assert(fc.property(text, (s) => balanced(markHighlights(s))), { numRuns: 2000 });
  });

  it("never come from private-use characters in a query or in content", () => {
    const q = normalizeQuery("异地\uE000就医\uE001备案\uF8FF");
    expect(q.display).toBe("异地就医备案");
    expect(q.text).toBe("异地就医备案");
    const doc = toSearchDocument({
      id: "a", slug: "a", title: "标题\uE001里有\uE000标记", question: "问\uE000题", topics: [], region: "000000", insurance: ["resident"],
      year: null, state: "published", published: "2025-01-01", updated: null, answers: [{ body: "回答\uE001\uE000内容" }],
    });
    expect([doc.title, doc.question, doc.answers]).toEqual(["标题里有标记", "问题", "回答内容"]);
    // Meilisearch wraps a match in the markers; the stripped title can hold no others.
    expect(markHighlights(doc.title.replace("里有", "\uE000里有\uE001"))).toBe("标题<mark>里有</mark>标记");
  });
});
