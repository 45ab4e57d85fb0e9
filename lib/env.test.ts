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

it("reads several Meilisearch instances, one address to listen on, and a read replica", () => {
  expect(readEnv({}).meiliUrls).toEqual([]);
  expect(readEnv({}).HOST).toBe("127.0.0.1");
  expect(readEnv({ MEILI_URL: "http://a:7700" }).meiliUrls).toEqual(["http://a:7700"]);
  expect(readEnv({ MEILI_URL: "http://a:7700", MEILI_URLS: " http://b:7700, http://c:7700 ," }).meiliUrls).toEqual(["http://b:7700", "http://c:7700"]);
  expect(() => readEnv({ MEILI_URLS: "http://b:7700,ftp://c" })).toThrow(/MEILI_URLS/);
  expect(() => readEnv({ HOST: "not a host!" })).toThrow(/HOST/);
  expect(readEnv({ HOST: "0.0.0.0" }).HOST).toBe("0.0.0.0");
  expect(() => readEnv({ DATABASE_REPLICA_URL: "http://x" })).toThrow(/DATABASE_REPLICA_URL/);
});

it("trusts no proxy by default, and refuses a TRUSTED_PROXIES entry that is no address or range", () => {
  expect(readEnv({}).TRUSTED_PROXIES).toBeUndefined();
  expect(readEnv({ TRUSTED_PROXIES: "10.0.0.0/8, 127.0.0.2 ,fd00::/8" }).TRUSTED_PROXIES).toEqual(["10.0.0.0/8", "127.0.0.2", "fd00::/8"]);
  expect(() => readEnv({ TRUSTED_PROXIES: "10.0.0.0/33" })).toThrow(/TRUSTED_PROXIES/);
  expect(() => readEnv({ TRUSTED_PROXIES: "lb.example" })).toThrow(/TRUSTED_PROXIES/);
});
