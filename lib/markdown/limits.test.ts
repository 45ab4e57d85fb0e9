import fc from "fast-check";
import type { Node, Parent } from "unist";
import remarkDirective from "remark-directive";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { checkMarkdownLimits, MARKDOWN_LIMITS, type MarkdownLimits, utf8Bytes } from "./limits.ts";

describe("checkMarkdownLimits", () => {
  it.each([
    ["a list nested 200 deep", Array.from({ length: 200 }, (_, i) => `${" ".repeat(2 * i)}- x`).join("\n"), "levels deep"],
    ["a list nested 2,000 deep on one line", `${"- ".repeat(2000)}x`, "levels deep"],
    ["2,000 nested blockquotes", `${">".repeat(2000)} x`, "levels deep"],
    ["100 KB of nested brackets", `${"[".repeat(50_000)}x${"]".repeat(50_000)}`, "brackets"],
    ["a 5 MB answer", "医保".repeat(900_000), "at most 200 KB"],
    ["10,000 one-line quotes", "> x\n\n".repeat(10_000), "lines"],
    ["1,000 list items", "- x\n".repeat(1000), "list items"],
    ["deep emphasis", `${"*a ".repeat(3000)}${"a* ".repeat(3000)}`, "emphasis"],
    ["::: blocks nested 20 deep", `${":::note\n".repeat(20)}x\n${":::\n".repeat(20)}`, "levels deep"],
    ["100 KB of colons", "比例:50% ".repeat(10_000), ":"],
    ["a table 100 columns wide", `|${"a|".repeat(100)}\n|${"-|".repeat(100)}`, "columns"],
  ])("refuses %s", (_what, md, message) => {
    const issue = checkMarkdownLimits(md);
    expect(issue).not.toBeNull();
    expect(issue!.message).toContain(message);
  });

  it("names the line where a limit is first exceeded", () => {
    const md = ["第一段", "", ...Array.from({ length: 20 }, (_, i) => `${"  ".repeat(i)}- 第 ${i + 1} 层`)].join("\n");
    // Line 3 is depth 1, so depth 17 is line 19.
    expect(checkMarkdownLimits(md)).toEqual({ line: 19, message: expect.stringContaining("16 levels") });
  });

  it("accepts what answers are made of: lists, quotes, tables, links, emphasis, code, colons, rules", () => {
    const answer = [
      "**结论**：可以报销，但要先备案。比例:50%，时间10:30。",
      "",
      "1. 登录国家医保服务平台 App；",
      "2. 选择“异地就医备案”：",
      "   - 长期居住：需要居住证明；",
      "     - 退休人员：*户口本* 即可；",
      "   - 临时外出：~~需要~~无需证明。",
      "",
      "> 《中华人民共和国社会保险法》第二十九条",
      "> > 引文中的引文",
      "",
      "| 医院级别 | 起付线 | 比例 |",
      "|---|---|---|",
      "| 一级 | 200 元 | 90% |",
      "",
      "详见 [国家医保局](https://www.nhsa.gov.cn/) 或 `12393`。",
      "",
      "- - -",
      "***",
      '::calculator{region="520500" year="2025" insurance="resident" scheme="outpatient"}',
    ].join("\n");
    expect(checkMarkdownLimits(answer)).toBeNull();
    expect(checkMarkdownLimits("医保报销比例是多少，异地就医需要备案。\n\n".repeat(2_000).slice(0, 190_000).split("\n").slice(0, 900).join("\n"))).toBeNull();
  });

  it("measures UTF-8 as Buffer does, surrogate pairs included", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (s) => utf8Bytes(s) === Buffer.byteLength(s, "utf8")));
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => utf8Bytes(s) === Buffer.byteLength(s, "utf8")));
  }, 30_000); // generating graphemes is slow on a busy machine

  // The limit is only a defence if the cheap count never sees less nesting than the parser builds.
  it("never counts less nesting than the Markdown parser builds", () => {
    const parser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);
    const containers = new Set(["listItem", "blockquote", "containerDirective"]);
    const depthOf = (node: Node): number => {
      const own = containers.has(node.type) ? 1 : 0;
      const children = (node as Parent).children ?? [];
      return own + children.reduce((m, c) => Math.max(m, depthOf(c)), 0);
    };
    const unlimited = Object.fromEntries(Object.keys(MARKDOWN_LIMITS).map((k) => [k, Number.MAX_SAFE_INTEGER])) as unknown as MarkdownLimits;
    const prefix = fc.constantFrom("", " ", "  ", "   ", "    ", "\t", "> ", ">", "- ", "-\t", "* ", "+ ", "1. ", "10) ", "-");
    const content = fc.constantFrom("x", "", "```", "~~~", ":::note", ":::", "- - -", "***", "# h", "x  ", "1.x", "-x", ">");
    const line = fc.tuple(fc.array(prefix, { maxLength: 8 }), content).map(([p, c]) => p.join("") + c);
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 25 }), (lines) => {
        const md = lines.join("\n");
        const depth = depthOf(parser.parse(md));
        if (depth === 0) return true;
        const issue = checkMarkdownLimits(md, { ...unlimited, maxNesting: depth - 1 });
        return issue !== null && issue.message.includes("levels deep");
      }),
      { numRuns: 1000 },
    );
  }, 60_000);
});
