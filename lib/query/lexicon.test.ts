import { describe, expect, it } from "vitest";
import { buildLexicon, correctHomophones, orderWords, readUnits, toUnits, wordFromInitials, wordsFromSyllables } from "./lexicon.ts";
import { splitSyllables } from "./pinyin.ts";

const lex = buildLexicon(["门诊统筹", "报销", "备案", "异地就医", "医保码", "起付线", "补办", "医保卡", "家庭共济", "医疗保险", "异地"]);

describe("homophone correction", () => {
  it.each([
    ["门诊通筹", "门诊统筹"],
    ["医保报消比例", "医保报销比例"],
    ["异地就医被案怎么弄", "异地就医备案怎么弄"],
    ["起付限是多少", "起付线是多少"],
    ["医保卡补版", "医保卡补办"],
    ["家庭供济怎么绑定", "家庭共济怎么绑定"],
  ])("%s → %s", (typed, fixed) => {
    expect(correctHomophones(typed, lex).text).toBe(fixed);
  });

  it("leaves correct text alone", () => {
    expect(correctHomophones("异地就医备案", lex)).toEqual({ text: "异地就医备案", corrections: [] });
    expect(correctHomophones("住院了在外省怎么报", lex).corrections).toEqual([]);
  });
});

describe("pinyin to words", () => {
  it("covers syllables with lexicon words", () => {
    expect(wordsFromSyllables(["yi", "bao", "ma"], lex)).toEqual(["医保码"]);
    expect(wordsFromSyllables(["yi", "di", "jiu", "yi", "bei", "an"], lex)).toEqual(["异地就医", "备案"]);
    expect(wordsFromSyllables(["zhu", "yuan"], lex)).toBeNull();
  });

  it("reads unambiguous initials", () => {
    expect(wordFromInitials("ydjy", lex)).toBe("异地就医");
    expect(wordFromInitials("mztc", lex)).toBe("门诊统筹");
    expect(wordFromInitials("zz", lex)).toBeNull();
  });
});

describe("corpus words", () => {
  const corpus = buildLexicon(["报销"], {
    corpus: {
      // [word, corpus frequency, general frequency]
      words: [["转诊", 14, 300], ["专症", 1, 0], ["押金", 6, 900], ["起付", 3, 0], ["门诊", 40, 417], ["发票", 9, 800], ["乐在", 2, 50]],
      known: [["起伏", 1120], ["报效", 138]],
    },
    stopWords: ["了", "在"],
  });

  it("repairs typos of words only the corpus knows, preferring the frequent one", () => {
    expect(correctHomophones("转真需要什么手续", corpus).text).toBe("转诊需要什么手续");
    expect(correctHomophones("住院鸭金退不退", corpus).text).toBe("住院押金退不退");
    expect(correctHomophones("发漂丢了", corpus).text).toBe("发票丢了");
  });

  it("leaves common words, stop words and rare corpus words alone", () => {
    // 起伏 is the more common word of general Chinese; 了在 holds stop words; 专症 appears once.
    expect(correctHomophones("费用起伏很大", corpus).corrections).toEqual([]);
    expect(correctHomophones("报完了在家", corpus).corrections).toEqual([]);
    // 报效 is a word of general Chinese, and 报销 has no general frequency here to outweigh it.
    expect(correctHomophones("报效比例", corpus).corrections).toEqual([]);
  });

  it("orders a query's words so that Meilisearch gives up the least telling first", () => {
    // Curated 报销 first, then corpus words as typed, single characters, and words no article uses last.
    expect(orderWords("门诊发票鸭子报销", corpus)).toBe("报销 门诊 发票 鸭子");
    expect(orderWords("押金 2026 在门诊", corpus)).toBe("押金 门诊 2026 在");
  });

  it("reads mixed pinyin, initials and characters", () => {
    const units = (s: string) => toUnits(s, splitSyllables)!;
    expect(readUnits(units("zhuanzhen"), corpus)).toEqual(["转诊"]);
    expect(readUnits(units("门诊fapiao"), corpus)).toEqual(["门诊", "发票"]);
    expect(readUnits(units("mzfp"), corpus)).toEqual(["门诊", "发票"]);
    expect(readUnits(units("qwxyz"), corpus)).toBeNull();
  });
});

describe("whom a question is about", () => {
  it("goes after the words that say what is asked", () => {
    const lex = buildLexicon(["老人", "住院", "报销", "异地"], { persons: ["老人"] });
    expect(orderWords("老人 异地 住院 报销", lex)).toBe("异地 住院 报销 老人");
    expect(orderWords("异地 住院 报销", lex)).toBe("异地 住院 报销");
  });
});
