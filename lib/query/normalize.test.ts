import { describe, expect, it } from "vitest";
import { normalizeQuery } from "./normalize.ts";
import { initialsField, pinyinField, splitSyllables } from "./pinyin.ts";

describe("normalizeQuery", () => {
  it("converts traditional characters and says so", () => {
    const q = normalizeQuery("醫療保險報銷");
    expect(q.text).toBe("医疗保险报销");
    expect(q.converted).toBe(true);
    expect(q.kind).toBe("chinese");
    expect(normalizeQuery("异地就医").converted).toBe(false);
  });

  it("normalises full-width letters, digits and punctuation", () => {
    expect(normalizeQuery("２０２５年　毕节，门诊统筹？").text).toBe("2025年 毕节 门诊统筹");
    expect(normalizeQuery("ＭＥＮＺＨＥＮ").kind).toBe("pinyin");
  });

  it("strips question scaffolding but keeps the key terms", () => {
    expect(normalizeQuery("请问一下住院了在外省怎么报销啊？").text).toBe("住院了在外省 报销");
    expect(normalizeQuery("居民医保可以异地就医吗").text).toBe("居民医保可以异地就医");
    expect(normalizeQuery("怎么办").text).toBe("怎么办");
  });

  it("limits the length", () => {
    expect(normalizeQuery("医".repeat(500)).display).toHaveLength(100);
  });

  it("recognises full pinyin, with or without spaces", () => {
    expect(normalizeQuery("menzhen tongchou")).toMatchObject({ kind: "pinyin", pinyin: "men zhen tong chou" });
    expect(normalizeQuery("yidijiuyi")).toMatchObject({ kind: "pinyin", pinyin: "yi di jiu yi" });
    expect(normalizeQuery("Yibaoka")).toMatchObject({ kind: "pinyin", pinyin: "yi bao ka" });
  });

  it("recognises initials", () => {
    expect(normalizeQuery("ydjy")).toMatchObject({ kind: "initials", pinyin: "ydjy" });
    expect(normalizeQuery("mztc")).toMatchObject({ kind: "initials", pinyin: "mztc" });
  });

  it("leaves other Latin text and mixed queries alone", () => {
    expect(normalizeQuery("app 备案").kind).toBe("mixed");
    expect(normalizeQuery("").kind).toBe("empty");
    expect(normalizeQuery("  ？！ ").kind).toBe("empty");
  });
});

describe("pinyin fields", () => {
  it("splits letters into syllables or refuses", () => {
    expect(splitSyllables("xian")).toEqual(["xian"]);
    expect(splitSyllables("zhuyuan")).toEqual(["zhu", "yuan"]);
    expect(splitSyllables("qqq")).toBeNull();
  });

  it("indexes syllables and initials windows", () => {
    expect(pinyinField("门诊统筹")).toBe("men zhen tong chou");
    expect(initialsField("门诊统筹").split(" ")).toEqual(["mzt", "ztc", "mztc"]);
  });
});
