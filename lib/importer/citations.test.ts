import { describe, expect, it } from "vitest";
import { extractLegalBasis, findInlineCitations, parseCitationText } from "./citations.ts";
import { toLines } from "./text.ts";

describe("extractLegalBasis", () => {
  it("cuts a 法律依据 passage at the end of an answer line into a citation", () => {
    const r = extractLegalBasis(toLines("4.持卡结算。法律依据:浙江省《关于推进门诊费用跨省直接结算的通知》 第二条 全力推进联网工作。\n下一段"));
    expect(r.lines.map((l) => l.text)).toEqual(["4.持卡结算。", "下一段"]);
    expect(r.citations).toEqual([{ title: "关于推进门诊费用跨省直接结算的通知", article: "第二条", quote: "全力推进联网工作。" }]);
  });

  it("follows an enumeration introduced by a colon, up to the blank line", () => {
    const r = extractLegalBasis(toLines("法律依据::《某省基本医疗保险条例》 第二条 下列单位应当参保:\n(一)企业;\n(二)机关;\n上述单位的退休人员适用本条例。\n\n其他内容"));
    expect(r.citations[0]).toMatchObject({ title: "某省基本医疗保险条例", article: "第二条" });
    expect(r.citations[0]!.quote).toBe("下列单位应当参保：（一）企业；（二）机关；上述单位的退休人员适用本条例。");
    expect(r.lines.map((l) => l.text).filter(Boolean)).toEqual(["其他内容"]);
  });

  it("reads a 法律依据 heading followed by one document per line", () => {
    const r = extractLegalBasis(toLines("可以继续使用。\n法律依据：\n《中华人民共和国社会保险法》第二十七条 退休后不再缴费。\n《关于建立门诊共济保障机制的指导意见》（国办发〔2021〕14号）"));
    expect(r.lines.map((l) => l.text)).toEqual(["可以继续使用。"]);
    expect(r.citations).toEqual([
      { title: "中华人民共和国社会保险法", article: "第二十七条", quote: "退休后不再缴费。" },
      { title: "关于建立门诊共济保障机制的指导意见", number: "国办发〔2021〕14号" },
    ]);
  });

  it("leaves prose that merely mentions 法律依据 alone", () => {
    const r = extractLegalBasis(toLines("这项规定的法律依据是社会保险法。"));
    expect(r.citations).toEqual([]);
    expect(r.lines).toHaveLength(1);
  });
});

describe("parseCitationText", () => {
  it("reads document numbers and several titles", () => {
    expect(parseCitationText("《关于做好异地就医工作的通知》(医保发〔2022〕22号)第三条 备案后直接结算。《社会保险法》第二十九条规定,直接结算。")).toEqual([
      { title: "关于做好异地就医工作的通知", number: "医保发〔2022〕22号", article: "第三条", quote: "备案后直接结算。" },
      { title: "社会保险法", article: "第二十九条", quote: "直接结算。" },
    ]);
  });
});

describe("findInlineCitations", () => {
  it("records laws cited in prose, not forms", () => {
    expect(findInlineCitations("依据《城镇职工基本医疗保险定点医疗机构管理暂行办法》，各地确定范围。填写《特殊病种申报审批表》。")).toEqual([
      { title: "城镇职工基本医疗保险定点医疗机构管理暂行办法" },
    ]);
    expect(findInlineCitations("《中华人民共和国社会保险法》第三十条规定")).toEqual([{ title: "中华人民共和国社会保险法", article: "第三十条" }]);
  });
});
