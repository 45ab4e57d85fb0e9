import { describe, expect, it } from "vitest";
import { linesToMarkdown } from "./body.ts";
import { toLines } from "./text.ts";

const md = (text: string) => linesToMarkdown(toLines(text));

describe("linesToMarkdown", () => {
  it("keeps bullets and numbered steps as Markdown lists, nested by indentation", () => {
    const out = md(["办理步骤", "", "  1. 线上备案", "", "    • 填写就医地", "    • 上传材料", "  2. 持卡就医", "", "结算后保留票据。"].join("\n"));
    expect(out).toBe(["**办理步骤**", "", "1. 线上备案", "    - 填写就医地", "    - 上传材料", "2. 持卡就医", "", "结算后保留票据。"].join("\n"));
  });

  it("reads 1、 (1) （二） markers as numbered items", () => {
    expect(md("1、带身份证;\n(2)带医保卡;\n（三）填表。")).toBe("1. 带身份证；\n2. 带医保卡；\n3. 填表。");
  });

  it('turns "-" on its own line plus a label into a parent item with the following bullets as children', () => {
    const out = md(["具体规定如下:", "-", "门诊统筹:", "- 起付线300元。", "- 比例50%。", "-", "个人账户:", "- 按2%划入。"].join("\n"));
    expect(out).toBe(["具体规定如下：", "", "- 门诊统筹：", "    - 起付线300元。", "    - 比例50%。", "- 个人账户：", "    - 按2%划入。"].join("\n"));
  });

  it("puts each source line in its own paragraph and escapes Markdown and directive syntax", () => {
    expect(md("第一段。\n第二段*重点*。\n:::answer\n# 不是标题")).toBe("第一段。\n\n第二段\\*重点\\*。\n\n\\:::answer\n\n\\# 不是标题");
  });

  it("uses full-width punctuation next to Chinese text but leaves numbers alone", () => {
    expect(md("比例:50%,封顶1,000元?")).toBe("比例：50%，封顶1,000元？");
  });
});
