import { describe, expect, it } from "vitest";
import { classifyTopic, stripBoilerplate } from "./clean.ts";
import { toLines } from "./text.ts";

describe("stripBoilerplate", () => {
  it("drops disclaimers, loading text, recommendation counts and view counts, one block each", () => {
    const lines = toLines(
      [
        "参保后次月生效。",
        "以上回答仅供参考,请以当地医保部门解释为准。",
        "提示:本内容不能代替面诊,如有不适请尽快就医。",
        "为您推荐12个相关问题",
        "浏览 3,201 次",
        "加载中...",
        "未面谈及查看证据材料,律师回答仅供参考。",
      ].join("\n"),
    );
    const r = stripBoilerplate(lines);
    expect(r.kept.map((l) => l.text)).toEqual(["参保后次月生效。"]);
    expect(r.dropped).toHaveLength(6);
    expect(r.dropped.every((d) => d.reason === "boilerplate")).toBe(true);
  });

  it("drops a whole 温馨提示 block and keeps what follows the blank line", () => {
    const r = stripBoilerplate(toLines("  【温馨提示】\n  以上回答，仅为当前信息……请您谨慎进行参考!\n  如果您对该问题仍有疑问，建议咨询。\n\n正文继续"));
    expect(r.kept.map((l) => l.text).filter(Boolean)).toEqual(["正文继续"]);
    expect(r.dropped).toHaveLength(1);
  });
});

describe("classifyTopic", () => {
  it.each([
    "居民医保省内异地能报销吗",
    "单位不交社保可以仲裁吗",
    "农村信用社如何交新农合医疗保险",
    "暂停缴费和暂停参保是一个意思吗",
    "生育津贴怎么领取",
    "2025年60岁可以延迟到63岁退休吗",
    "住院押金交多少",
  ])("keeps %s", (title) => {
    expect(classifyTopic(title).onTopic).toBe(true);
  });

  it.each([
    "2025年山东东营治疗抽筋什么医院好",
    "排便不尽感是什么病症的前兆",
    "排便不尽感正常吗",
    "膝盖疼是什么原因引起的",
    "民事债务纠纷无力偿还多久可以结案",
    "因欠款纠纷起诉的开庭流程",
    "株洲哪家医院看腰椎间盘突出好",
    "住院部哪家医院好",
  ])("drops %s", (title) => {
    expect(classifyTopic(title).onTopic).toBe(false);
  });

  it("lets a description rescue a title without terms, but not an off-topic one", () => {
    expect(classifyTopic("刚辞职怎么办", "我辞职了，医保断缴了，社保还能续上吗").onTopic).toBe(true);
    expect(classifyTopic("欠钱不还怎么办", "对方说用医保卡和社保卡抵债").onTopic).toBe(false);
  });
});
