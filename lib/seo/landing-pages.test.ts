import { describe, expect, it } from "vitest";
import { planLandingPages, summarise, type CoverageRow, type RegionYearRow } from "./landing-pages.ts";

const t = new Date("2026-11-30T08:00:00Z");
const year = (region: string, y: number | null, answered: number, total = answered): RegionYearRow => ({ region, year: y, answered, total, lastmod: t });
const topic = (region: string, name: string, y: number | null, answered: number, total = answered): CoverageRow => ({ region, topic: name, year: y, answered, total, lastmod: t });
const page = (pages: ReturnType<typeof planLandingPages>, path: string) => pages.find((p) => p.path === path);

describe("landing pages", () => {
  it("indexes a region with 3 answered questions or with policy data, and keeps thinner pages out, canonical to their parent", () => {
    const pages = planLandingPages(
      [topic("520500", "门诊统筹", 2025, 2), topic("210300", "住院报销", 2025, 3), topic("440100", "生育保险", 2026, 1)],
      [year("520500", 2025, 2), year("210300", 2025, 3), year("440100", 2026, 1), year("000000", null, 10)],
      [{ id: "520500-2025-resident-outpatient", region: "520500", year: 2025 }],
    );
    expect(page(pages, "/regions/520500")).toMatchObject({ indexable: true, answered: 2, policies: ["520500-2025-resident-outpatient"] });
    expect(page(pages, "/regions/210300")).toMatchObject({ indexable: true, answered: 3 });
    const guangzhou = page(pages, "/regions/440100")!;
    expect(guangzhou).toMatchObject({ indexable: false, reason: "thin", canonical: "/regions/440000", parent: "/regions/440000" });
    expect(page(pages, "/regions/000000")).toMatchObject({ indexable: true, answered: 16, parent: null });
  });

  it("lets a province whose content all sits in one city defer to that city", () => {
    const pages = planLandingPages([topic("520500", "门诊统筹", 2025, 4)], [year("520500", 2025, 4)], []);
    expect(page(pages, "/regions/520000")).toMatchObject({ indexable: false, reason: "same-as-child", canonical: "/regions/520500" });
    expect(page(pages, "/regions/520500")).toMatchObject({ indexable: true, canonical: "/regions/520500" });
  });

  it("keeps a province with content in two cities, and rolls counties up into their city", () => {
    const pages = planLandingPages([], [year("520500", 2025, 3), year("520102", 2025, 3)], []);
    expect(page(pages, "/regions/520000")).toMatchObject({ indexable: true, answered: 6 });
    expect(page(pages, "/regions/520100")).toMatchObject({ indexable: true, answered: 3 });
    expect(page(pages, "/regions/520102")).toBeUndefined();
  });

  it("makes a year page only where policy data exists, and lets it defer when it shows what its region shows", () => {
    const policies = [{ id: "p2025", region: "520500", year: 2025 }];
    const only2025 = planLandingPages([], [year("520500", 2025, 4)], policies);
    expect(page(only2025, "/regions/520500/2025")).toMatchObject({ indexable: false, reason: "same-as-parent", canonical: "/regions/520500" });
    const twoYears = planLandingPages([], [year("520500", 2025, 4), year("520500", 2026, 3)], [...policies, { id: "p2026", region: "520500", year: 2026 }]);
    expect(page(twoYears, "/regions/520500/2025")).toMatchObject({ indexable: true, policies: ["p2025"], answered: 4 });
    expect(page(twoYears, "/regions/520500/2026")).toMatchObject({ indexable: true, policies: ["p2026"] });
    expect(page(planLandingPages([], [year("520500", 2024, 4)], policies), "/regions/520500/2024")).toBeUndefined();
  });

  it("makes topic pages across every region and region × topic pages with their own gate", () => {
    const pages = planLandingPages(
      [topic("000000", "异地就医", null, 5), topic("520500", "异地就医", 2025, 1), topic("520500", "门诊统筹", 2025, 3)],
      [year("000000", null, 5), year("520500", 2025, 4)],
      [],
    );
    expect(page(pages, `/topics/${encodeURIComponent("异地就医")}`)).toMatchObject({ indexable: true, answered: 6 });
    expect(page(pages, `/regions/520500/${encodeURIComponent("异地就医")}`)).toMatchObject({ indexable: false, reason: "thin" });
    expect(page(pages, `/regions/520500/${encodeURIComponent("门诊统筹")}`)).toMatchObject({ indexable: true, answered: 3 });
  });

  it("takes the latest change of anything listed as the page's lastmod", () => {
    const later = new Date("2026-12-01T01:00:00Z");
    const pages = planLandingPages([], [year("520500", 2025, 2), { ...year("520500", 2026, 1), lastmod: later }], []);
    expect(page(pages, "/regions/520500")!.lastmod).toBe(later.toISOString());
  });

  it("summarises from the data alone", () => {
    expect(summarise({ answered: 3, total: 4 }, "贵州省毕节市", ["门诊统筹", "住院报销"], ["毕节市2025年城乡居民普通门诊统筹"])).toBe(
      "贵州省毕节市收录 4 个问题，其中 3 个已有顾问解答；主要涉及门诊统筹、住院报销；政策数据 1 份：毕节市2025年城乡居民普通门诊统筹。",
    );
    expect(summarise({ answered: 0, total: 0 }, "广东省深圳市", [], [])).toBe("广东省深圳市暂时还没有收录问题。");
  });
});
