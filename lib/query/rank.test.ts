import { describe, expect, it } from "vitest";
import { preferRegionAndYear, type Rankable } from "./rank.ts";

const hit = (id: string, region: string, matchingWords: number, year: number | null = null) => ({ id, region, matchingWords, year });
const ids = (hits: (Rankable & { id: string })[]) => hits.map((h) => h.id);

describe("region and year preferences", () => {
  // 毕节市 520500, its province 贵州省 520000, a county within it 520502, another city 210300.
  const hits = [hit("other", "210300", 3), hit("nation", "000000", 3), hit("province", "520000", 3), hit("county", "520502", 3), hit("city", "520500", 3), hit("weak-city", "520500", 2)];

  it("ranks the region asked about, then its province, then nationwide, then other regions, among equal matches", () => {
    expect(ids(preferRegionAndYear(hits, { region: "520500" }))).toEqual(["county", "city", "province", "nation", "other", "weak-city"]);
  });

  it("never lifts a hit that matches fewer of the query's words", () => {
    expect(ids(preferRegionAndYear([hit("nation", "000000", 4), hit("city", "520500", 3)], { region: "520500" }))).toEqual(["nation", "city"]);
  });

  it("puts later years first when the year typed had nothing, undated articles after dated ones", () => {
    const dated = [hit("undated", "000000", 2), hit("y2024", "000000", 2, 2024), hit("y2026", "000000", 2, 2026), hit("y2025", "000000", 2, 2025)];
    expect(ids(preferRegionAndYear(dated, { latestYearFirst: true }))).toEqual(["y2026", "y2025", "y2024", "undated"]);
  });

  it("keeps the engine's order without a preference, and for equal hits", () => {
    expect(ids(preferRegionAndYear(hits, {}))).toEqual(ids(hits));
    expect(ids(preferRegionAndYear([hit("a", "210300", 1), hit("b", "440300", 1)], { region: "520500" }))).toEqual(["a", "b"]);
  });
});
