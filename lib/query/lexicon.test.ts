import { describe, expect, it } from "vitest";
import { buildLexicon, correctHomophones, wordFromInitials, wordsFromSyllables } from "./lexicon.ts";

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
