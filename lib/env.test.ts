import { expect, it } from "vitest";
import { EnvError, readEnv } from "./env.ts";

it("gives every setting a default that works on a developer's machine", () => {
  const e = readEnv({});
  expect(e).toMatchObject({ MEILI_INDEX: "articles", PORT: 3000, SEARCH_TIMEOUT_MS: 1500, MEILI_INDEXING_THREADS: 1 });
  expect(e.contentDir).toMatch(/content$/);
});

it("stops at a value with units, naming the variable", () => {
  expect(() => readEnv({ SEARCH_TIMEOUT_MS: "1.5s" })).toThrow(EnvError);
  expect(() => readEnv({ SEARCH_TIMEOUT_MS: "1.5s" })).toThrow(/SEARCH_TIMEOUT_MS="1.5s": must be a whole number/);
  expect(() => readEnv({ MEILI_INDEXING_THREADS: "0" })).toThrow(/MEILI_INDEXING_THREADS/);
  expect(() => readEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
});

it("reads numbers and treats empty values as unset", () => {
  expect(readEnv({ SEARCH_TIMEOUT_MS: "800", PORT: "", MEILI_INDEX: "t_1" })).toMatchObject({ SEARCH_TIMEOUT_MS: 800, PORT: 3000, MEILI_INDEX: "t_1" });
});
