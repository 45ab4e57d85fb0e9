import { describe, expect, it } from "vitest";
import { normalizeQuery } from "../query/normalize.ts";
import { drugQuestion, matchDrugs, nameInQuery, oneSlip } from "./match.ts";

const drugs = [
  { id: "erjiashuanggua", name: "二甲双胍", names: ["二甲双胍", "二甲双胍Ⅱ"] },
  { id: "ruigelienaierjiashuanggua", name: "瑞格列奈二甲双胍", names: ["瑞格列奈二甲双胍"] },
  { id: "xieshatan", name: "缬沙坦", names: ["缬沙坦"] },
  { id: "xieshatanqinglvsaiqin", name: "缬沙坦氢氯噻嗪", names: ["缬沙坦氢氯噻嗪"] },
  { id: "yesuan", name: "叶酸", names: ["叶酸"] },
  { id: "qifuwan", name: "七氟烷", names: ["七氟烷"] },
  { id: "yaoyongtan", name: "药用炭", names: ["药用炭"] },
];
const ids = (q: string) => matchDrugs(normalizeQuery(q), drugs).map((m) => `${m.id}:${m.how}`);

describe("which drug a query names", () => {
  it.each([
    ["二甲双胍能报销吗", ["erjiashuanggua:name"]],
    ["瑞格列奈二甲双胍是甲类还是乙类", ["ruigelienaierjiashuanggua:name"]], // not also 二甲双胍
    ["erjiashuanggua", ["erjiashuanggua:pinyin"]],
    ["ermoshuanggua", ["erjiashuanggua:typo"]], // one syllable wrong, four syllables
    ["ejsg", ["erjiashuanggua:initials"]],
    ["二甲双瓜", ["erjiashuanggua:typo"]],
    ["缬沙坦倾氯噻嗪", ["xieshatanqinglvsaiqin:typo"]], // the slip on the longer name, not 缬沙坦
    ["缬沙坦", ["xieshatan:name"]],
    ["药佣炭", ["yaoyongtan:typo"]], // begins with a character questions end with
    ["叶酸能报销吗", ["yesuan:name"]],
    ["孕妇叶酸补贴怎么领", []], // a two-character name inside another question
    ["qifuxian", []], // 起付线, not 七氟烷: three-syllable pinyin slips are not taken
    ["异地就医备案", []],
  ])("%s → %j", (q, want) => expect(ids(q)).toEqual(want));

  it("a three-character name takes only a slip that sounds the same", () => {
    expect(oneSlip("药用炭", "药佣炭")).toBe(true);
    expect(oneSlip("药用炭", "药蓝炭")).toBe(false);
    expect(oneSlip("甲地孕酮", "甲地蓝酮")).toBe(true);
  });

  it("takes the question words off", () => {
    expect(nameInQuery(normalizeQuery("二甲双胍医保能报销吗").text)).toBe("二甲双胍");
    expect(nameInQuery(normalizeQuery("二甲双胍是甲类还是乙类").text)).toBe("二甲双胍");
  });
});

describe("a drug question that names nothing listed", () => {
  it.each([
    ["连花清瘟胶囊", true],
    ["安宫牛黄丸能报销吗", true],
    ["枸杞在医保目录里吗", true],
    ["甲类乙类药品报销区别", false], // about the list, not a drug
    ["报销要交照片吗", false],
    ["门诊统筹报销比例", false],
  ])("%s → %s", (q, asks) => expect(drugQuestion(normalizeQuery(q)).asks).toBe(asks));
});
