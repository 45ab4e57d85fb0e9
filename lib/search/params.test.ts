import { describe, expect, it } from "vitest";
import { MAX_PAGE, MAX_QUERY_CHARS, parseSearchParams } from "./params.ts";

const ok = (input: Record<string, string>) => {
  const r = parseSearchParams(input);
  if (!r.success) throw new Error(r.error.message);
  return r.data;
};

describe("search parameters", () => {
  it("trims and clamps what a person could plausibly type", () => {
    expect(ok({ q: `  ${"医".repeat(5000)} ` }).q).toHaveLength(MAX_QUERY_CHARS);
    expect(ok({ page: "10000" }).page).toBe(MAX_PAGE);
    expect(ok({ page: "-3" }).page).toBe(1);
    expect(ok({ page: "abc" }).page).toBe(1);
    expect(ok({ sort: "sideways" }).sort).toBe("relevance");
    expect(ok({ region: "", year: "" })).toMatchObject({ region: undefined, year: undefined });
  });

  it("accepts real region codes at every level and parses the year", () => {
    expect(ok({ region: "520000" }).region).toBe("520000");
    expect(ok({ region: "520500" }).region).toBe("520500");
    expect(ok({ year: "2025" }).year).toBe(2025);
    expect(ok({ insurance: "employee" }).insurance).toBe("employee");
  });

  it("rejects values that cannot mean anything, with a message in Chinese", () => {
    for (const bad of [{ region: "999999" }, { region: "52050" }, { insurance: "boss" }, { year: "1900" }, { year: "x" }]) {
      const r = parseSearchParams(bad);
      expect(r.success).toBe(false);
      expect(r.error!.issues[0]!.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("takes the first of repeated keys", () => {
    const fromNext = parseSearchParams({ q: ["a", "b"] });
    expect(fromNext.success && fromNext.data.q).toBe("a");
    const r = parseSearchParams(new URLSearchParams("q=a&q=b"));
    expect(r.success && r.data.q).toBe("a");
  });
});
