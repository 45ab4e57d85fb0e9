import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyRatio, formatPercent, formatYuan, largestCostWithin, yuanToFen } from "./money.ts";

describe("money in fen", () => {
  it("converts yuan with two decimals to whole fen without float drift", () => {
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
    expect(yuanToFen(1234.56)).toBe(123456);
    expect(yuanToFen(33.33)).toBe(3333);
  });

  it("rounds a ratio product half-up once", () => {
    expect(applyRatio(10, 8500)).toBe(9); // 8.5 → 9
    expect(applyRatio(3333, 8500)).toBe(2833); // 2833.05 → 2833
    expect(applyRatio(123456, 5500)).toBe(67901); // 67900.8 → 67901
  });

  it("finds the largest cost a capped payment still covers, consistently with applyRatio", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000 }), (limit, ratio) => {
        const cost = largestCostWithin(limit, ratio);
        expect(applyRatio(cost, ratio)).toBeLessThanOrEqual(limit);
        expect(applyRatio(cost + 1, ratio)).toBeGreaterThan(limit);
      }),
    );
  });

  it("formats fen for explanation lines", () => {
    expect(formatYuan(9000)).toBe("90.00 元");
    expect(formatYuan(4384476)).toBe("43,844.76 元");
    expect(formatYuan(1)).toBe("0.01 元");
    expect(formatPercent(6960)).toBe("69.6%");
  });
});
