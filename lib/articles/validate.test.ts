import { describe, expect, it } from "vitest";
import type { Article } from "../domain/schema.ts";
import { MAX_ARTICLE_BYTES, validateArticle } from "./validate.ts";

const ctx = { advisors: new Set(["wang-lin"]) };
const article = (bodies: string[], extra: Partial<Article> = {}): Article => ({
  slug: "jumin-yidi",
  title: "居民医保可以异地就医吗",
  region: "000000",
  insurance: ["resident"],
  topics: ["异地就医"],
  published: "2025-01-02",
  status: "published",
  related: [],
  citations: [],
  answers: bodies.map((body) => ({ advisor: "wang-lin", date: "2025-01-03", body })),
  ...extra,
});

// The web verbs (lib/articles/revisions.ts) call validateArticle directly, without the file parser.
describe("validateArticle — size and nesting, for every channel", () => {
  it("refuses an answer nested too deep, naming the answer and the line", () => {
    const v = validateArticle(article(["可以。", `第一行\n\n${">".repeat(2000)} x`]), ctx);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.errors).toEqual([{ path: ["answers", 1, "body"], line: 3, message: expect.stringMatching(/^answer 2 nests .* 16 levels/) }]);
  });

  it("refuses a 5 MB answer", () => {
    const v = validateArticle(article(["医保".repeat(900_000)]), ctx);
    expect(!v.ok && v.errors[0]!.message).toMatch(/^answer 1 is 5\.\d MB; an answer may be at most 200 KB/);
  });

  it("refuses answers that are each within the limit but together make a page of megabytes", () => {
    const big = "医保报销。".repeat(12_000); // 176 KB each
    const v = validateArticle(article([big, big, big, big]), ctx);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.errors).toEqual([{ path: ["answers", 2, "body"], message: expect.stringContaining(`at most ${MAX_ARTICLE_BYTES / 1024} KB`) }]);
  });

  it("accepts an ordinary answer", () => {
    expect(validateArticle(article(["**可以**，先备案：\n\n1. 登录 App\n2. 选择备案\n   - 长期居住"]), ctx).ok).toBe(true);
  });
});
