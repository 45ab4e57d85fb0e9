import { describe, expect, it } from "vitest";
import { classifyCause } from "./cause.ts";

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
