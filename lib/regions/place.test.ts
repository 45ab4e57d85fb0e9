import { describe, expect, it } from "vitest";
import { findRegionByName } from "./index.ts";
import { placeInQuery, regionTier } from "./place.ts";
import { withinScope } from "./scope.ts";

describe("placeInQuery", () => {
  it.each([
    ["深圳医保报销比例", "440300", "深圳", "医保报销比例"],
    ["深圳市 住院 报销", "440300", "深圳市", "住院 报销"],
    ["贵州省门诊统筹", "520000", "贵州省", "门诊统筹"],
    ["毕节 门诊", "520500", "毕节", "门诊"],
  ])("%s → %s", (q, code, name, rest) => {
    expect(placeInQuery(q, findRegionByName)).toEqual({ code, name, rest });
  });

  it.each(["异地就医备案", "住院报销比例", "生育津贴怎么算", "门诊慢特病", "长期护理保险", "个人账户家庭共济"])("names no place: %s", (q) => {
    expect(placeInQuery(q, findRegionByName)).toBeNull();
  });
});

describe("withinScope", () => {
  it("counts places within the region, not the nation or neighbours", () => {
    expect(withinScope("440300", "440300")).toBe(true);
    expect(withinScope("440300", "440304")).toBe(true);
    expect(withinScope("440000", "440300")).toBe(true);
    expect(withinScope("440300", "440100")).toBe(false);
    expect(withinScope("440300", "000000")).toBe(false);
    expect(withinScope("440000", "000000")).toBe(false);
  });
});

describe("regionTier", () => {
  it("ranks the region, then what contains it, then the nation, then elsewhere", () => {
    // 毕节市 (520500) in 贵州省 (520000); 七星关区 (520502) in 毕节市.
    expect(regionTier("520500", "520500")).toBe(0);
    expect(regionTier("520500", "520502")).toBe(0);
    expect(regionTier("520500", "520000")).toBe(1);
    expect(regionTier("520500", "000000")).toBe(2);
    expect(regionTier("520500", "520100")).toBe(3);
    expect(regionTier("520500", "210300")).toBe(3);
    expect(regionTier("520502", "520500")).toBe(1);
    expect(regionTier("520000", "520500")).toBe(0);
    expect(regionTier("520000", "000000")).toBe(2);
    expect(regionTier("520000", "440300")).toBe(3);
  });
});
