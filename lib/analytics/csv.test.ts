import { expect, it } from "vitest";
import { toCsv } from "./dashboard.ts";

it("writes CSV that spreadsheets open as text (BOM for Chinese, quotes, no formulas)", () => {
  expect(toCsv([["query", "n"], ["深圳,医保", 3], ['说"报销"', null], ["=HYPERLINK(1)", -1]])).toBe('\uFEFFquery,n\r\n"深圳,医保",3\r\n"说""报销""",\r\n\'=HYPERLINK(1),-1\r\n');
});
