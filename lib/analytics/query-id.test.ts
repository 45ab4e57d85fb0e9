import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isIssuedQueryId, newQueryId, QUERY_ID_MAX_AGE_MS } from "./query-id.ts";

describe("query ids", () => {
  it("are UUIDs that this process recognises for a day", () => {
    const now = Date.now();
    const id = newQueryId(now);
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(isIssuedQueryId(id, now)).toBe(true);
    expect(isIssuedQueryId(id, now + QUERY_ID_MAX_AGE_MS + 1)).toBe(false);
  });

  it("refuses made-up, altered and random ids", () => {
    const id = newQueryId();
    expect(isIssuedQueryId(randomUUID())).toBe(false);
    expect(isIssuedQueryId(id.slice(0, -1) + (id.endsWith("0") ? "1" : "0"))).toBe(false);
    expect(isIssuedQueryId(`${id.slice(0, 9)}${id[9] === "0" ? "1" : "0"}${id.slice(10)}`)).toBe(false);
    expect(isIssuedQueryId("nope")).toBe(false);
  });
});
