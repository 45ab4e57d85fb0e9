import { describe, expect, it } from "vitest";
import { durationText, gapHistory, historySeries } from "./gap-history.ts";

const DAY = 86_400_000;
const at = (s: string) => new Date(s);

describe("gapHistory", () => {
  const base = {
    firstSearchAt: at("2026-11-01T08:00:00Z"),
    questionAt: at("2026-11-05T08:00:00Z"),
    answeredAt: at("2026-11-11T08:00:00Z"),
    now: at("2026-11-16T08:00:00Z"),
    logSince: at("2026-06-01T00:00:00Z"),
    before: { searches: 25, zeroHits: 20 },
    after: { searches: 10, zeroHits: 1 },
  };

  it("measures the lead time from the first search and the advisors' part of it", () => {
    const h = gapHistory(base);
    expect(h.leadTimeMs).toBe(10 * DAY);
    expect(h.leadTimeDays).toBe(10);
    expect(h.answerTimeMs).toBe(6 * DAY);
    expect(h).toMatchObject({ firstSearchAt: "2026-11-01T08:00:00.000Z", questionAt: "2026-11-05T08:00:00.000Z", answeredAt: "2026-11-11T08:00:00.000Z" });
  });

  it("compares zero-result searches per day and their share, before and after the answer", () => {
    const h = gapHistory(base);
    expect(h.before).toMatchObject({ days: 10, searches: 25, zeroHits: 20, zeroPerDay: 2, zeroRate: 0.8 });
    expect(h.after).toMatchObject({ days: 5, searches: 10, zeroHits: 1, zeroPerDay: 0.2, zeroRate: 0.1 });
    expect(h.zeroPerDayDrop).toBeCloseTo(0.9);
  });

  it("says so when zero-result searches went up", () => {
    const h = gapHistory({ ...base, after: { searches: 20, zeroHits: 15 } });
    expect(h.zeroPerDayDrop).toBeCloseTo(1 - 3 / 2);
  });

  it("counts rates over the part of a window the log still holds", () => {
    // Retention removed the first 4 of the 10 days before the answer.
    const h = gapHistory({ ...base, logSince: at("2026-11-05T08:00:00Z") });
    expect(h.before.days).toBe(6);
    expect(h.before.zeroPerDay).toBeCloseTo(20 / 6);
    expect(h.leadTimeMs).toBe(10 * DAY);
    // Nothing of the time before the answer is left: no rate, no comparison.
    const gone = gapHistory({ ...base, logSince: at("2026-11-12T00:00:00Z"), before: { searches: 0, zeroHits: 0 } });
    expect(gone.before).toMatchObject({ days: 0, zeroPerDay: null, zeroRate: null });
    expect(gone.zeroPerDayDrop).toBeNull();
  });

  it("takes a window of less than a day as one day, so an hour is not read as a trend", () => {
    const h = gapHistory({ ...base, now: at("2026-11-11T09:00:00Z"), after: { searches: 2, zeroHits: 1 } });
    expect(h.after.days).toBe(1);
    expect(h.after.zeroPerDay).toBe(1);
  });

  it("tells no drop when nothing was unfound before", () => {
    expect(gapHistory({ ...base, before: { searches: 5, zeroHits: 0 } }).zeroPerDayDrop).toBeNull();
  });
});

describe("historySeries", () => {
  const o = { from: at("2026-11-01T08:00:00Z"), now: at("2026-11-05T10:00:00Z"), questionAt: at("2026-11-02T12:00:00Z"), answeredAt: at("2026-11-04T09:30:00Z") };

  it("has every day from the first search to today, zero where nothing was searched, with its phase", () => {
    const s = historySeries(
      [
        { day: "2026-11-01", searches: 3, zeroHits: 3 },
        { day: "2026-11-03", searches: 2, zeroHits: 1 },
        { day: "2026-11-05", searches: 4, zeroHits: 0 },
      ],
      o,
    );
    expect(s.unit).toBe("day");
    expect(s.points).toEqual([
      { start: "2026-11-01", searches: 3, zeroHits: 3, phase: "before_question" },
      { start: "2026-11-02", searches: 0, zeroHits: 0, phase: "question_asked" },
      { start: "2026-11-03", searches: 2, zeroHits: 1, phase: "waiting" },
      { start: "2026-11-04", searches: 0, zeroHits: 0, phase: "answer_published" },
      { start: "2026-11-05", searches: 4, zeroHits: 0, phase: "answered" },
    ]);
  });

  it("goes per week (from Monday) past two months", () => {
    const s = historySeries(
      [
        { day: "2026-09-01", searches: 2, zeroHits: 2 }, // a Tuesday
        { day: "2026-09-06", searches: 1, zeroHits: 1 }, // the Sunday of the same week
        { day: "2026-09-07", searches: 5, zeroHits: 4 }, // the next Monday
      ],
      { from: at("2026-09-01T10:00:00Z"), now: at("2026-11-20T10:00:00Z") },
    );
    expect(s.unit).toBe("week");
    expect(s.points[0]).toEqual({ start: "2026-08-31", searches: 3, zeroHits: 3, phase: "before_question" });
    expect(s.points[1]).toMatchObject({ start: "2026-09-07", searches: 5, zeroHits: 4 });
    expect(s.points.at(-1)!.start).toBe("2026-11-16");
    expect(s.points.reduce((n, p) => n + p.searches, 0)).toBe(8);
  });

  it("leaves out counts from before the series starts", () => {
    const s = historySeries([{ day: "2026-10-30", searches: 9, zeroHits: 9 }], o);
    expect(s.points.reduce((n, p) => n + p.searches, 0)).toBe(0);
  });
});

describe("durationText", () => {
  it("reads as reviewers say it", () => {
    expect(durationText(3 * DAY + 4 * 3_600_000 + 59_000)).toBe("3 天 4 小时");
    expect(durationText(2 * DAY)).toBe("2 天");
    expect(durationText(5 * 3_600_000 + 12 * 60_000)).toBe("5 小时 12 分钟");
    expect(durationText(12 * 60_000)).toBe("12 分钟");
    expect(durationText(-1)).toBe("0 分钟");
  });
});
