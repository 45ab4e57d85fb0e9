import { describe, expect, it } from "vitest";
import { assignIds, countMismatches, groupName, rowNames, slugOf } from "./names.ts";
import type { DrugList } from "./schema.ts";

describe("the name a drug page is about", () => {
  it.each([
    ["二甲双胍、二甲双胍Ⅱ", "二甲双胍"],
    ["格列齐特Ⅱ", "格列齐特"],
    ["复方氨基酸(18AA-Ⅰ)", "复方氨基酸"],
    ["二甲双胍恩格列净片(Ⅲ)", "二甲双胍恩格列净片"],
    ["美沙拉秦(美沙拉嗪)", "美沙拉秦"],
    ["硫酸钡Ⅰ型", "硫酸钡"],
    ["人凝血因子Ⅷ", "人凝血因子Ⅷ"], // a numeral after 因子 is another substance
    ["丹参酮ⅡA磺酸钠注射液", "丹参酮ⅡA磺酸钠注射液"],
    ["人干扰素α2b[重组人干扰素α-2b(假单胞菌)]", "人干扰素α2b"],
  ])("%s → %s", (printed, name) => expect(groupName(printed)).toBe(name));

  it("keeps every name a reader may type, but not a bracketed route or cell line", () => {
    expect(rowNames({ name_zh: "美沙拉秦(美沙拉嗪)" })).toEqual(expect.arrayContaining(["美沙拉秦(美沙拉嗪)", "美沙拉秦", "美沙拉嗪"]));
    expect(rowNames({ name_zh: "乌司奴单抗注射液(静脉输注)" })).not.toContain("静脉输注");
    expect(rowNames({ name_zh: "人用狂犬病疫苗(鸡胚细胞)" })).not.toContain("鸡胚细胞");
    expect(rowNames({ name_zh: "法维拉韦片(又称:法匹拉韦片)" })).toContain("法匹拉韦片");
    expect(rowNames({ name_zh: "缓解感冒症状的复方OTC制剂", includes: ["酚麻美敏片"] })).toContain("酚麻美敏片");
  });
});

describe("ids", () => {
  it("are the pinyin; a homophone of a stored name gets a hash; a stored id is kept", () => {
    expect(slugOf("二甲双胍")).toBe("erjiashuanggua");
    expect(slugOf("维生素B12")).toBe("weishengsub12");
    const ids = assignIds(["石膏", "十高"], new Map([["石膏", "old-id"]]));
    expect(ids.get("石膏")).toBe("old-id");
    const fresh = assignIds(["石膏", "十高"], new Map());
    expect(fresh.get("石膏")).toBe("shigao");
    expect(fresh.get("十高")).toMatch(/^shigao-[0-9a-f]{6}$/);
  });
});

describe("the counts a file states", () => {
  const row = (section: string, no: number, cls: "甲" | "乙", restriction: string | null = null) =>
    ({ no: String(no), name_zh: "x", dosage_form: null, section, class: cls, restriction, agreement_period: null, primary_no: no, category_code: "X", pdf_page: 1 }) as DrugList["drugs"][number];
  const list = (counts: Partial<DrugList["provenance"]["counts"]>) =>
    ({
      provenance: { counts: { drugs_rows_total: 3, west_part_rows: 2, west_part_numbers: 1, west_part_class_jia_numbers: 1, negotiated_west: 1, bidding_west: 0, rows_with_restriction: 1, ...counts } },
      drugs: [row("西药部分", 1, "甲"), row("西药部分", 1, "乙"), row("协议期内谈判药品部分（一）西药", 1, "乙", "限…")],
    }) as unknown as DrugList;

  it("agree: nothing to report; a ★ row repeats a number and counts once among numbers", () => {
    expect(countMismatches(list({}))).toEqual([]);
  });
  it("disagree: each count named with both figures", () => {
    expect(countMismatches(list({ west_part_numbers: 2, negotiated_west: 3 }))).toEqual([
      { what: "西药部分 numbers 编号数", stated: 2, found: 1 },
      { what: "谈判药品 rows 行数", stated: 3, found: 1 },
    ]);
  });
});
