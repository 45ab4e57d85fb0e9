import { expect, it } from "vitest";
import { calculatorDiff, citationDiff, textDiff } from "./diff.ts";

it("compares Chinese text by words, not characters", () => {
  const parts = textDiff("门诊统筹的起付线是150元。", "门诊统筹的起付线是200元。");
  const changed = parts.filter((p) => p.kind !== "same").map((p) => [p.kind, p.text]);
  expect(changed).toEqual([["removed", "150"], ["added", "200"]]);
  expect(parts.map((p) => (p.kind === "removed" ? "" : p.text)).join("")).toBe("门诊统筹的起付线是200元。");
});

it("compares citations and calculator embeds as data", () => {
  const law = { title: "中华人民共和国社会保险法", article: "第二十九条" };
  expect(citationDiff([law], [{ ...law, number: "主席令第三十五号" }, { title: "医疗保障基金使用监督管理条例" }])).toEqual({
    added: ["《医疗保障基金使用监督管理条例》"],
    removed: [],
    changed: ["《中华人民共和国社会保险法》第二十九条（主席令第三十五号）"],
  });
  const before = '正文\n::calculator{region="520500" year="2025" insurance="resident" scheme="outpatient"}\n';
  const after = '正文\n::calculator{region="520500" year="2026" insurance="resident" scheme="outpatient"}\n';
  expect(calculatorDiff(before, after)).toEqual({
    added: ["insurance=resident region=520500 scheme=outpatient year=2026"],
    removed: ["insurance=resident region=520500 scheme=outpatient year=2025"],
  });
});
