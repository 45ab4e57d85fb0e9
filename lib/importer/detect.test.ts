import { describe, expect, it } from "vitest";
import { detectShape } from "./detect.ts";
import { fixture } from "./testing.ts";

describe("detectShape", () => {
  it.each([
    ["lawyer-single.txt", "lawyer-single"],
    ["off-topic-lawyer.txt", "lawyer-single"],
    ["lawyer-multi.txt", "lawyer-multi"],
    ["region-year.txt", "region-year"],
    ["region-year-no-title.txt", "region-year"],
    ["news.txt", "news"],
  ])("%s is %s", (file, shape) => {
    expect(detectShape(fixture(file)).shape).toBe(shape);
  });

  it("names no shape for other text, and says what it looked for", () => {
    const d = detectShape(fixture("unknown.txt"));
    expect(d.shape).toBeNull();
    expect(d.reason).toContain("法律咨询");
    expect(detectShape("").shape).toBeNull();
    expect(detectShape("2025北京医保").shape).toBeNull();
  });

  it("does not take a region name alone for a region+year page", () => {
    expect(detectShape("毕节医保怎么交\n\n按年度在税务渠道缴纳。").shape).toBeNull();
  });
});
