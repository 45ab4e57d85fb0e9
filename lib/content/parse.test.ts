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

  it("reports an answer nested too deep at the file line where the limit is passed", () => {
    const text = front() + answer(`第一段\n\n${">".repeat(2000)} 引用`);
    const r = parseQuestion("q.md", text, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // Frontmatter lines 1–7, blank 8, :::answer 9, 第一段 10, blank 11, the quotes 12.
    expect(r.errors).toEqual([{ file: "q.md", line: 12, field: "answer.body", message: expect.stringContaining("16 levels deep") }]);
  });

  it("counts the line after leading blank lines of an answer, which the body drops", () => {
    const text = front() + answer(`\n\n${"[".repeat(600)}x${"]".repeat(600)}`);
    const r = parseQuestion("q.md", text, ctx);
    expect(!r.ok && r.errors[0]).toMatchObject({ line: 12, message: expect.stringContaining("brackets") });
  });

  it("refuses a 5 MB file before parsing it", () => {
    const started = performance.now();
    const r = parseQuestion("q.md", front() + answer("医保".repeat(900_000)), ctx);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(!r.ok && r.errors).toEqual([{ file: "q.md", line: 1, message: expect.stringMatching(/^the file is 5\.\d MB; a question file may be at most/) }]);
  });

  it("reports a YAML alias bomb as an error of that file instead of dropping it silently", () => {
    const bomb = [
      'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
      ...["b", "c", "d", "e", "f", "g", "h", "i"].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${"abcdefghi"[i]}`).join(", ")}]`),
    ].join("\n");
    const r = parseQuestion("q.md", front(`${bomb}\n`) + answer(), ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([{ file: "q.md", line: 8, message: expect.stringContaining("too many aliases") }]);
  });

  it("reports an alias used before its anchor", () => {
    const r = parseQuestion("q.md", front("source: *nowhere\n") + answer(), ctx);
    expect(!r.ok && r.errors).toEqual([{ file: "q.md", line: 7, message: expect.stringContaining("Unresolved alias") }]);
  });

  it.each([
    ["an unquoted region", front().replace('"000000"', "520500"), 3, "region", 'must be text, but is the number 520500; put it in quotes, e.g. region: "520500"'],
    ["a quoted year", front('year: "2025"\n'), 7, "year", 'must be a number, but is the text "2025"'],
    ["a number among the topics", front().replace("[外地就医]", "[外地就医, 2025]"), 5, "topics[1]", 'must be text, but is the number 2025; put it in quotes, e.g. "2025"'],
    ["insurance written as one word", front().replace("[resident]", "resident"), 4, "insurance", "must be a list, but is the text \"resident\""],
  ])("says what was expected for %s instead of calling it missing", (_what, text, line, field, message) => {
    const r = parseQuestion("q.md", text + answer(), ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([{ file: "q.md", line, field, message }]);
  });

  it("still calls a missing field missing", () => {
    const r = parseQuestion("q.md", front().replace('region: "000000"\n', ""), ctx);
    expect(!r.ok && r.errors).toEqual([{ file: "q.md", line: 2, field: "region", message: "is required" }]);
  });
});
