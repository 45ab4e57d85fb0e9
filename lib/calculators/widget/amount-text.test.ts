import { expect, it } from "vitest";
import { parseAmountText } from "./amount-text.ts";

it("reads amounts as people type them", () => {
  const cases: [string, number | null][] = [
    ["1000", 1000], ["１０００", 1000], ["1000元", 1000], ["1000 元", 1000], ["100块", 100], ["￥100", 100], ["¥99.5", 99.5],
    ["1,000", 1000], ["1，000", 1000], ["12,345.67", 12345.67], ["1千", 1000], ["1.5万", 15000], ["1.25万", 12500], ["2k", 2000], ["3W", 30000],
    ["０．５", 0.5], ["99.50元", 99.5], ["1.234万", 12340],
    ["", null], ["abc", null], ["1.005", null], ["-100", null], ["1万千", null], ["十万", null], ["200000000", null],
  ];
  for (const [text, want] of cases) expect(parseAmountText(text), text).toBe(want);
});
