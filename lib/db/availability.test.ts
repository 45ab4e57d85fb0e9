import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./availability.ts";

// Shapes as they reach a page: Prisma's errors (read from a client pointed at a closed port), the pg
// driver's and Node's socket errors, and a Postgres shutting down.
const prismaModelQuery = Object.assign(new Error("Invalid `db.article.findFirst()` invocation"), {
  code: "P1001",
  meta: { modelName: "Article", driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 } } },
});
const prismaRaw = Object.assign(new Error("Raw query failed. Code: `N/A`. Message: `Can't reach database server at 127.0.0.1:5432`"), { code: "P2010" });
const closedMidQuery = Object.assign(new Error("Invalid invocation"), { code: "P2010", meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "ConnectionClosed" } } } });
const socket = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
const shutdown = Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" });
const wrapped = new Error("page data failed", { cause: new AggregateError([socket], "") });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["Prisma, model query", prismaModelQuery],
    ["Prisma, raw query", prismaRaw],
    ["Prisma, connection closed mid-query", closedMidQuery],
    ["Node socket", socket],
    ["Postgres shutting down", shutdown],
    ["wrapped in causes", wrapped],
  ])("is true for %s", (_, e) => expect(isDatabaseUnavailable(e)).toBe(true));

  it.each([
    ["a unique violation", Object.assign(new Error("Unique constraint failed on the fields: (`slug`)"), { code: "P2002" })],
    ["a syntax error in SQL", Object.assign(new Error("syntax error at or near \"SELEC\""), { code: "42601" })],
    ["a bug", new TypeError("Cannot read properties of undefined (reading 'title')")],
    ["not an error", "ECONNREFUSED"],
    ["nothing", undefined],
  ])("is false for %s", (_, e) => expect(isDatabaseUnavailable(e)).toBe(false));

  it("does not loop on a cause that points at itself", () => {
    const e = new Error("x") as Error & { cause?: unknown };
    e.cause = e;
    expect(isDatabaseUnavailable(e)).toBe(false);
  });
});
