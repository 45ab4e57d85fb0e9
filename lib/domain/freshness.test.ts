import { describe, expect, it } from "vitest";
import { freshness, freshnessMark, freshnessNotice, statesFigures } from "./freshness.ts";

describe("freshness", () => {
  it("says when the year an answer describes is over, and never for the current year", () => {
    const past = freshness({ year: 2025, region: "520500", figures: true }, "2026-12-01");
    expect(past).toEqual({ kind: "past-year", year: 2025, current: 2026 });
    expect(freshnessNotice(past)).toBe("以下为2025年标准，2026年标准尚未核实。办理前请以当地医保部门的最新文件为准。");
    expect(freshnessMark(past)).toBe("2025年标准");
    expect(freshness({ year: 2026, region: "520500", figures: true }, "2026-12-01")).toEqual({ kind: "current" });
    // A year turns past on 1 January, Beijing time (the caller passes China's date).
    expect(freshness({ year: 2026, region: "520500", figures: true }, "2027-01-01").kind).toBe("past-year");
  });

  it("flags local figures with no year, but not nationwide rules or answers without figures", () => {
    expect(freshness({ region: "130700", figures: true }, "2026-12-01").kind).toBe("undated");
    expect(freshness({ region: "000000", figures: true }, "2026-12-01").kind).toBe("current");
    expect(freshness({ region: "130700", figures: false }, "2026-12-01").kind).toBe("current");
  });

  it("recognises figures as answers write them", () => {
    for (const s of ["每年150元", "起付线1.5万元", "报销80%", "比例90％", "1,800元以上"]) expect(statesFigures(s), s).toBe(true);
    for (const s of ["需要备案", "三个月内补缴", "2026年1月1日起"]) expect(statesFigures(s), s).toBe(false);
  });
});
