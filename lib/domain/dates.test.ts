import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { addDays, chinaDate, chinaDateTime, chinaMidnight, chinaTime, startOfChinaDay, todayInChina } from "./dates.ts";

describe("China's day", () => {
  it("is the next day from 16:00 UTC on", () => {
    expect(todayInChina(new Date("2026-12-07T23:30:00Z"))).toBe("2026-12-08");
    expect(todayInChina(new Date("2026-12-07T15:59:59Z"))).toBe("2026-12-07");
    expect(todayInChina(new Date("2026-12-07T16:00:00Z"))).toBe("2026-12-08");
    expect(todayInChina(new Date("2025-12-31T16:30:00Z"))).toBe("2026-01-01");
    expect(chinaDate("2026-12-07T23:30:00Z")).toBe("2026-12-08");
  });

  it("begins at 16:00 UTC the day before", () => {
    expect(chinaMidnight("2026-12-08").toISOString()).toBe("2026-12-07T16:00:00.000Z");
    const t = Date.parse("2026-12-07T23:30:00Z");
    expect(new Date(startOfChinaDay(t)).toISOString()).toBe("2026-12-07T16:00:00.000Z");
    expect(startOfChinaDay(Date.parse("2026-12-07T16:00:00Z"))).toBe(Date.parse("2026-12-07T16:00:00Z"));
    expect(new Date(startOfChinaDay(Date.parse("2026-12-07T15:59:59Z"))).toISOString()).toBe("2026-12-06T16:00:00.000Z");
  });

  it("counts calendar days across months and years", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-12-08", -29)).toBe("2026-11-09");
  });
});

describe("times shown", () => {
  it("are China time, 24-hour, in ISO order", () => {
    expect(chinaDateTime(new Date("2026-12-07T23:30:00Z"))).toBe("2026-12-08 07:30");
    expect(chinaDateTime("2026-12-07T16:05:09.123Z")).toBe("2026-12-08 00:05");
    expect(chinaTime("2026-12-07T04:05:09Z")).toBe("12:05:09");
  });

  it("do not depend on the server's time zone", () => {
    const script = `import { chinaDateTime, todayInChina } from "./lib/domain/dates.ts"; console.log(todayInChina(new Date("2026-12-07T23:30:00Z")), chinaDateTime("2026-12-07T23:30:00Z"));`;
    for (const TZ of ["UTC", "America/Los_Angeles", "Asia/Tokyo"]) {
      const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { env: { ...process.env, TZ }, encoding: "utf8" });
      expect(out.trim()).toBe("2026-12-08 2026-12-08 07:30");
    }
  });
});

describe("the rule has one home", () => {
  // What a copy of the rule looks like: a UTC "today", its own time zone, a UTC time cut for display.
  const COPIES = [/new Date\(\)\.toISOString\(\)\.slice\(0, ?10\)/, /Asia\/Shanghai/, /toLocale(Date|Time)String\(/, /\.slice\(0, ?1[69]\)\.replace\("T"/];

  it("no other file of lib/, app/, components/ or scripts/ works out a day or a shown time by itself", () => {
    const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "lib", "app", "components", "scripts"], { encoding: "utf8" })
      .split("\n")
      .filter((f) => /\.(ts|tsx|mjs)$/.test(f) && !f.endsWith(".test.ts") && f !== "lib/domain/dates.ts");
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((f) => {
      const text = readFileSync(f, "utf8");
      return COPIES.filter((p) => p.test(text)).map((p) => `${f}: ${p}`);
    });
    expect(found).toEqual([]);
  });
});
