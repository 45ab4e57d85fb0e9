// The lexicon learned from the shipped content: typos of words that only the answers use — none of them
// in content/search/vocabulary.yaml — are repaired, and pinyin of them is read back as the words.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { buildLexicon, correctHomophones, type Lexicon } from "../query/lexicon.ts";
import { normalizeQuery } from "../query/normalize.ts";
import { planQuery } from "../query/plan.ts";
import { learnWords } from "./lexicon-store.ts";

let lex: Lexicon;
let vocabulary: Set<string>;

beforeAll(async () => {
  const root = "content/questions";
  const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith(".md"));
  const texts = await Promise.all(files.map((f) => readFile(join(root, f), "utf8")));
  const corpus = learnWords(texts);
  const v = parse(await readFile("content/search/vocabulary.yaml", "utf8")) as { terms: string[]; synonyms: string[][]; stopWords: string[] };
  vocabulary = new Set([...v.terms, ...v.synonyms.flat()]);
  lex = buildLexicon([], { corpus, stopWords: v.stopWords });
  // Loading jieba's dictionary and reading it by sound takes seconds on a busy machine.
}, 60_000);

describe("a lexicon learned from the content", () => {
  it.each([
    ["出院节算", "出院结算"],
    ["退休代遇", "退休待遇"],
    ["缴费凭正丢了", "缴费凭证丢了"],
    ["帮定家人", "绑定家人"],
    ["累记缴费年限", "累计缴费年限"],
  ])("repairs %s → %s, a word the vocabulary does not list", (typed, fixed) => {
    const repaired = correctHomophones(typed, lex).corrections.map(([, w]) => w);
    expect(repaired.length).toBeGreaterThan(0);
    for (const w of repaired) expect(vocabulary.has(w)).toBe(false);
    expect(correctHomophones(typed, lex).text).toBe(fixed);
  });

  it("leaves correctly written questions as they are", () => {
    for (const q of ["住院押金能退吗", "异地就医备案", "孩子的医保在哪里交", "生育津贴怎么算", "慢性病门诊报销"]) {
      expect(correctHomophones(q, lex).corrections).toEqual([]);
    }
  });

  it("reads pinyin of corpus words as those words", () => {
    expect(planQuery(normalizeQuery("chuyuan jiesuan"), lex).steps[0]).toMatchObject({ rewrite: "pinyin", q: "出院 结算" });
  });
});
