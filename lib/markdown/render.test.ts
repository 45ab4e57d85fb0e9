import { describe, expect, it } from "vitest";
import { MARKDOWN_LIMITS, type MarkdownLimits } from "./limits.ts";
import { renderMarkdown, renderMarkdownParts } from "./render.ts";

describe("renderMarkdown", () => {
  it("keeps ASCII colons in Chinese text instead of eating them as directives", () => {
    const html = renderMarkdown("报销比例:村卫生室90%，时间10:30，注意:hospital 别漏了");
    expect(html).toContain("报销比例:村卫生室90%");
    expect(html).toContain("10:30");
    expect(html).toContain("注意:hospital 别漏了");
  });

  it("turns unknown leaf and container directives back into their text", () => {
    const html = renderMarkdown('::video{src="x"}\n\n:::note\n内容\n:::');
    expect(html).toContain('::video{src="x"}');
    expect(html).toContain(":::note");
    expect(html).toContain("内容");
  });

  it("removes scripts, event handlers and javascript: links", () => {
    const html = renderMarkdown('<script>alert(1)</script><img src=x onerror="alert(1)">\n\n[点我](javascript:alert(1))');
    expect(html).not.toMatch(/<script|onerror|javascript:/i);
    expect(html).toContain("点我");
  });

  it("renders GFM tables and lists", () => {
    const html = renderMarkdown("| 级别 | 比例 |\n|---|---|\n| 二级 | 60% |\n\n- 第一\n- 第二");
    expect(html).toContain("<table>");
    expect(html).toContain("<li>第一</li>");
  });

  describe("bounded: Markdown the parser cannot take is shown as escaped text, never thrown", () => {
    const hostile: [string, string][] = [
      ["2,000 nested blockquotes", `${">".repeat(2000)} 引用<script>alert(1)</script>`],
      ["a list nested 2,000 deep", `${"- ".repeat(2000)}x`],
      ["100 KB of nested brackets", `${"[".repeat(50_000)}x${"]".repeat(50_000)}`],
      ["5,000 nested emphasis marks", `${"*".repeat(5000)}a${"*".repeat(5000)}`],
    ];

    it.each(hostile)("%s", (_what, md) => {
      const started = performance.now();
      const html = renderMarkdown(md);
      expect(performance.now() - started).toBeLessThan(2000); // parsed, these took from 0.5 s to minutes
      expect(html).toMatch(/^<p>/);
      expect(html).not.toMatch(/<(blockquote|ul|li|a|em|strong|script)\b/);
    });

    it("escapes the text it falls back to", () => {
      const html = renderMarkdown(`${">".repeat(100)} <img src=x onerror=alert(1)> & "引号"\n\n第二段`);
      expect(html).toBe(`<p>${"&gt;".repeat(100)} &lt;img src=x onerror=alert(1)&gt; &amp; &quot;引号&quot;</p>\n<p>第二段</p>`);
    });

    it("cuts a 5 MB answer stored before the limits to the size limit", () => {
      const html = renderMarkdown("医保".repeat(2_500_000));
      expect(html.length).toBeLessThan(MARKDOWN_LIMITS.maxBytes + 100);
      expect(html.endsWith("…</p>")).toBe(true);
    });

    it("falls back to text when the parser itself fails (a stack overflow the limits did not foresee)", () => {
      const none = Object.fromEntries(Object.keys(MARKDOWN_LIMITS).map((k) => [k, Number.MAX_SAFE_INTEGER])) as unknown as MarkdownLimits;
      // Unchecked, 2,000 nested quotes overflow the parser's stack (RangeError → a 500 on the page).
      const html = renderMarkdown(`${">".repeat(2000)} x`, none);
      expect(html).toBe(`<p>${"&gt;".repeat(2000)} x</p>`);
    });

    it("still renders an answer within the limits as Markdown, calculators included", () => {
      const md = `${"- 一\n".repeat(3)}\n::calculator{region="520500" year="2025" insurance="resident" scheme="outpatient"}`;
      const parts = renderMarkdownParts(md);
      expect(parts.map((p) => p.kind)).toEqual(["html", "calculator"]);
    });
  });
});
