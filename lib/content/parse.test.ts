import { describe, expect, it } from "vitest";
import { type ParseContext, parseQuestion } from "./parse.ts";

const ctx: ParseContext = {
  advisors: new Set(["wang-lin"]),
  topicAliases: new Map([["外地就医", "异地就医"]]),
  knownTopics: new Set(["异地就医", "门诊统筹"]),
};
const front = (extra = "") => `---
title: 居民医保可以异地就医吗
region: "000000"
insurance: [resident]
topics: [外地就医]
published: 2025-01-02
${extra}---
`;
const answer = (body = "可以，先备案。") => `\n:::answer{advisor="wang-lin" date="2025-01-03"}\n${body}\n:::\n`;

describe("parseQuestion", () => {
  it("parses frontmatter and answers, takes the slug from the file name and resolves topic aliases", () => {
    const r = parseQuestion("questions/a/jumin-yidi.md", front() + answer("第一段\n\n- 列表"), ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.article).toMatchObject({ slug: "jumin-yidi", topics: ["异地就医"], status: "published" });
    expect(r.article.answers).toEqual([{ advisor: "wang-lin", date: "2025-01-03", body: "第一段\n\n- 列表" }]);
  });

  it("keeps nested directives and fenced ::: lines inside an answer", () => {
    const body = ":::note\n内层\n:::\n\n```\n:::\n```\n结尾";
    const r = parseQuestion("x.md", front() + answer(body), ctx);
    expect(r.ok && r.article.answers[0]!.body).toBe(body);
  });

  it.each([
    ["no frontmatter", "正文", 1, undefined, "frontmatter"],
    ["a YAML syntax error", front('bad: [1, 2\n'), 7, undefined, "YAML"],
    ["an unknown field", front("colour: red\n"), 2, undefined, "unknown field"],
    ["a bad date", front().replace("2025-01-02", "2025/01/02"), 6, "published", "YYYY-MM-DD"],
    ["an unknown region", front().replace('"000000"', '"999999"'), 3, "region", "GB/T 2260"],
  ])("reports %s with its line", (_what, text, line, field, message) => {
    const r = parseQuestion("q.md", text + (text.startsWith("---") ? answer() : ""), ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ file: "q.md", line, ...(field ? { field } : {}) });
    expect(r.errors[0]!.message).toContain(message);
  });

  it("reports answer-level problems at the answer's line", () => {
    const text = `${front()}\n孤立的文字\n\n:::answer{advisor="nobody" date="2025-01-03"}\n内容\n:::\n\n:::answer{advisor="wang-lin" date="2025-01-03"}\n没有结束`;
    const r = parseQuestion("q.md", text, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.line, e.message.slice(0, 12)])).toEqual([
      [9, "text outside"],
      [11, 'unknown advi'],
      [15, "this :::answ"],
    ]);
  });

  it("checks status against answers and citation indexes", () => {
    expect(parseQuestion("q.md", front(), ctx).ok).toBe(false);
    expect(parseQuestion("q.md", front("status: unanswered\n") + answer(), ctx).ok).toBe(false);
    expect(parseQuestion("q.md", front("status: unanswered\n"), ctx).ok).toBe(true);
    const r = parseQuestion("q.md", front("citations:\n  - title: 中华人民共和国社会保险法\n    answer: 2\n") + answer(), ctx);
    expect(!r.ok && r.errors[0]).toMatchObject({ field: "citations[0].answer", line: 9 });
  });

  it("warns about unknown topics and self-links but accepts them", () => {
    const r = parseQuestion("self.md", front("related: [self, other]\n").replace("[外地就医]", "[新话题]") + answer(), ctx);
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.field)).toEqual(["related", "topics"]);
    expect(r.ok && r.article.related).toEqual(["other"]);
  });
});
