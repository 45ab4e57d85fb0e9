import { describe, expect, it } from "vitest";
import { inferInsurance, inferRegion, inferImportedTopics, inferYear } from "./infer.ts";

describe("inferRegion", () => {
  it.each([
    ["2025贵州毕节医保门诊统筹如何异地结算", "520500"],
    ["2025年辽宁鞍山医保门诊共济的报销比例是多少", "210300"],
    ["鞍山医保门诊共济绑定医院后如何查看就医记录", "210300"],
    ["江西医保门诊能报销吗", "360000"],
    ["张家口医保在石家庄能报销吗", "130700"],
    ["深圳南山区医保怎么报", "440305"],
    ["昆山医保怎么交", "320583"],
  ])("%s → %s", (text, code) => {
    expect(inferRegion(text)?.code).toBe(code);
  });

  it("does not read ordinary words as places", () => {
    for (const t of ["居民医保省内跨市怎么报销", "农村合作医疗报销比例", "安宁疗护医保能报吗", "城区医院能用医保吗", "阿里健康买药能用医保吗"]) {
      expect(inferRegion(t), t).toBeUndefined();
    }
  });
});

describe("inferYear", () => {
  it("reads policy years, not amounts or dates", () => {
    expect(inferYear("2025贵州毕节医保")).toBe(2025);
    expect(inferYear("2024年株洲居民医保")).toBe(2024);
    expect(inferYear("超过2000元的部分怎么报")).toBeUndefined();
    expect(inferYear("健康新闻 2025-04-12")).toBeUndefined();
  });
});

describe("inferInsurance", () => {
  it("employee for 职工/在职/退休/单位, resident for 居民/新农合, both otherwise", () => {
    expect(inferInsurance("职工医保个人账户的钱可以给父母用吗")).toEqual(["employee"]);
    expect(inferInsurance("单位没给交生育保险，生孩子的费用能找谁报")).toEqual(["employee"]);
    expect(inferInsurance("农村信用社如何交新农合医疗保险")).toEqual(["resident"]);
    expect(inferInsurance("省内异地医疗保险是否需要备案")).toEqual(["employee", "resident"]);
  });
});

describe("inferImportedTopics", () => {
  it("uses the vocabulary and patterns, in the order the title mentions them, at most three", () => {
    const vocab = [{ name: "门诊统筹", aliases: ["门诊共济"] }];
    expect(inferImportedTopics(["2025年辽宁鞍山医保门诊共济的报销比例是多少"], vocab)).toEqual(["门诊统筹", "报销比例"]);
    expect(inferImportedTopics(["省内异地医疗保险是否需要备案"])).toEqual(["异地就医", "异地就医备案"]);
    expect(inferImportedTopics(["医保断缴后重新参保有等待期吗"])).toEqual(["断缴", "参保登记"]);
    expect(inferImportedTopics(["这个怎么弄"])).toEqual(["医保"]);
  });
});
