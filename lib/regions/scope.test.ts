import { describe, expect, it } from "vitest";
import { scopeFilter, scopeLevel, scopeSql, scopeSqlValue, scopeWhere, withinScope } from "./scope.ts";

// Each case: scope, code, within? — every form below must agree with the pure one.
const CASES: [string, string, boolean][] = [
  ["520000", "520000", true],
  ["520000", "520500", true],
  ["520000", "520502", true],
  ["520000", "000000", false],
  ["520000", "440300", false],
  ["520500", "520500", true],
  ["520500", "520502", true],
  ["520500", "520000", false],
  ["520500", "520100", false],
  ["520502", "520502", true],
  ["520502", "520500", false],
  ["000000", "000000", true],
  ["000000", "520500", false],
];

describe("region scope", () => {
  it("reads the level from the digits", () => {
    expect(["000000", "520000", "520500", "520502"].map(scopeLevel)).toEqual(["nation", "province", "city", "county"]);
  });

  it("is one rule in its pure, SQL, Prisma and Meilisearch forms", () => {
    for (const [scope, code, within] of CASES) {
      expect(withinScope(scope, code), `${code} within ${scope}`).toBe(within);
      // SQL, evaluated the way Postgres would for these two operators.
      const value = scopeSqlValue(scope);
      const sql = scopeSql(scope, "region", "$1");
      const m = /^left\(region, (\d)\) = \$1$/.exec(sql);
      expect(m ? code.slice(0, Number(m[1])) === value : sql === "region = $1" && code === value, `SQL ${sql} for ${code}`).toBe(within);
      // Prisma.
      const where = scopeWhere(scope).region;
      expect(typeof where === "string" ? code === where : code.startsWith(where.startsWith), `Prisma for ${code}`).toBe(within);
      // Meilisearch: the document's province and city fields hold the codes of the article's province and city.
      const doc = { region: code, province: code === "000000" ? null : `${code.slice(0, 2)}0000`, city: code.endsWith("0000") ? null : `${code.slice(0, 4)}00` };
      const [, field, wanted] = /^(\w+) = "(\d+)"$/.exec(scopeFilter(scope))!;
      expect(doc[field as keyof typeof doc] === wanted, `Meilisearch ${scopeFilter(scope)} for ${code}`).toBe(within);
    }
  });
});
