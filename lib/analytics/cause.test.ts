import { describe, expect, it } from "vitest";
import { findRegionByName } from "../regions/index.ts";
import { classifyCause, placeInQuery, regionCovers } from "./cause.ts";

describe("classifyCause", () => {
  it.each([
    ["nothing anywhere", { total: 0 }, "no_content"],
    ["a weak result and nothing better", { total: 2 }, "no_content"],
    ["enough results", { total: 12 }, null],
    ["a city named in the query, answers only elsewhere", { total: 57, askedRegion: "440300", regionHits: 0, totalWithoutRegion: 57 }, "region"],
    ["a city filter, answers only elsewhere", { total: 0, askedRegion: "440300", regionHits: 0, totalWithoutRegion: 9 }, "region"],
    ["a city with answers of its own", { total: 5, askedRegion: "520500", regionHits: 5, totalWithoutRegion: 20 }, null],
    ["a city with one answer of its own", { total: 1, askedRegion: "520500", regionHits: 1, totalWithoutRegion: 20 }, "no_content"],
    ["a region asked, no answers anywhere", { total: 0, askedRegion: "440300", regionHits: 0, totalWithoutRegion: 0 }, "no_content"],
    ["filters that hide answers", { total: 0, otherFilters: true, totalWithoutFilters: 6 }, "filters"],
    ["filters, and nothing without them either", { total: 0, otherFilters: true, totalWithoutFilters: 0 }, "no_content"],
    ["a region missing wins over filters", { total: 0, askedRegion: "440300", regionHits: 0, totalWithoutRegion: 3, otherFilters: true, totalWithoutFilters: 3 }, "region"],
    ["weak with filters that hide more", { total: 1, otherFilters: true, totalWithoutFilters: 8 }, "filters"],
  ] as const)("%s", (_name, facts, cause) => {
    expect(classifyCause(facts)).toBe(cause);
  });
});

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

describe("regionCovers", () => {
  it("counts places within the region, not the nation or neighbours", () => {
    expect(regionCovers("440300", "440300")).toBe(true);
    expect(regionCovers("440300", "440304")).toBe(true);
    expect(regionCovers("440000", "440300")).toBe(true);
    expect(regionCovers("440300", "440100")).toBe(false);
    expect(regionCovers("440300", "000000")).toBe(false);
    expect(regionCovers("440000", "000000")).toBe(false);
  });
});
