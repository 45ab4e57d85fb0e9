import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./render.ts";

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
});
