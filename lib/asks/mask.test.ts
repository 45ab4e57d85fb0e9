import { describe, expect, it } from "vitest";
import { maskPersonalData } from "./mask.ts";
import { hasSpamLinks } from "./spam.ts";

// Real formats as readers type them (numbers are made up but well-formed).
const cases: [string, string, string[]][] = [
  ["我的身份证号是110101199003074514，能查参保吗", "我的身份证号是［身份证号已隐去］，能查参保吗", ["id_card"]],
  ["身份证 11010519491231002X 怎么办", "身份证 ［身份证号已隐去］ 怎么办", ["id_card"]],
  ["身份证号码：110101 19900307 4514", "身份证号码：［身份证号已隐去］", ["id_card"]],
  ["老身份证130503670401001", "老身份证［身份证号已隐去］", ["id_card"]],
  ["ＩＤ是１１０１０１１９９００３０７４５１４", "ID是［身份证号已隐去］", ["id_card"]],
  ["电话13800138000，谢谢", "电话［电话已隐去］，谢谢", ["phone"]],
  ["手机号 138 0013 8000", "手机号 ［电话已隐去］", ["phone"]],
  ["打+86-139-1234-5678找我", "打［电话已隐去］找我", ["phone"]],
  ["联系我：8613912345678", "联系我：［电话已隐去］", ["phone"]],
  ["座机010-12345678", "座机［电话已隐去］", ["phone"]],
  ["(0755)8888 8888 是医保局电话吗", "［电话已隐去］ 是医保局电话吗", ["phone"]],
  ["卡号6222020200112233445扣费了", "卡号［银行卡号已隐去］扣费了", ["bank_card"]],
  ["银行卡 6222 0202 0011 2233 445", "银行卡 ［银行卡号已隐去］", ["bank_card"]],
  ["信用卡4111-1111-1111-1111", "信用卡［银行卡号已隐去］", ["bank_card"]],
  ["邮箱 zhang.san@example.com", "邮箱 ［邮箱已隐去］", ["email"]],
  ["我叫王小明，今年60岁", "我叫［姓名已隐去］，今年60岁", ["name"]],
  ["我叫李四在深圳上班", "我叫［姓名已隐去］在深圳上班", ["name"]],
  ["本人姓名：欧阳娜娜，退休", "本人姓名：［姓名已隐去］，退休", ["name"]],
  ["我爸叫张建国，住院了", "我爸叫［姓名已隐去］，住院了", ["name"]],
  ["我叫张三 身份证110101199003074514 电话13800138000", "我叫［姓名已隐去］ 身份证［身份证号已隐去］ 电话［电话已隐去］", ["id_card", "phone", "name"]],
];

describe("maskPersonalData", () => {
  it.each(cases)("%s", (input, text, kinds) => {
    const m = maskPersonalData(input);
    expect(m.text).toBe(text);
    expect([...m.found].sort()).toEqual([...kinds].sort());
  });

  it.each([
    "2025年起付线1800元，报销比例50%",
    "住院费用12000元能报多少",
    "2026年居民医保个人缴费400元",
    "医保电话12393打不通",
    "我是退休职工，在外省住院",
    "邮编100000的地区",
    "政策文件医保发〔2024〕19号",
  ])("leaves ordinary text alone: %s", (input) => {
    const m = maskPersonalData(input);
    expect(m.text).toBe(input);
    expect(m.found).toEqual([]);
  });
});

describe("hasSpamLinks", () => {
  it.each([
    ["代办医保 加微信 www.daiban-yibao.com", true],
    ["点击 https://t.cn/abc 领取", true],
    ["看这里 yibao-daiban.top", true],
    ["我在 https://www.nhsa.gov.cn/art/2024/1.html 看到的规定", false],
    ["异地就医备案怎么办", false],
    ["起付线 1.5 万元", false],
  ])("%s → %s", (text, spam) => {
    expect(hasSpamLinks(text as string)).toBe(spam);
  });
});
