import { describe, expect, it } from "vitest";
import { resultCache } from "./result-cache.ts";

function setup() {
  let clock = 0;
  let version = "v1";
  let computed = 0;
  const cache = resultCache<{ n: number }>({ version: async () => version, checkEveryMs: 250, maxEntries: 2, now: () => clock });
  const compute = async () => ({ n: ++computed });
  return { cache, compute, tick: (ms: number) => (clock += ms), setVersion: (v: string) => (version = v) };
}

describe("resultCache", () => {
  it("serves a repeat from memory until the version changes, noticed at the next check", async () => {
    const { cache, compute, tick, setVersion } = setup();
    expect(await cache.get("门诊统筹", compute)).toEqual({ value: { n: 1 }, cached: false });
    expect(await cache.get("门诊统筹", compute)).toEqual({ value: { n: 1 }, cached: true });
    setVersion("v2");
    tick(100);
    expect((await cache.get("门诊统筹", compute)).cached).toBe(true); // not checked again yet
    tick(200);
    expect(await cache.get("门诊统筹", compute)).toEqual({ value: { n: 2 }, cached: false });
    expect(cache.size).toBe(1);
  });

  it("keeps nothing while the version is unknown, and only what `keep` accepts", async () => {
    let clock = 0;
    let fail = true;
    const cache = resultCache<{ mode: string }>({ version: async () => (fail ? Promise.reject(new Error("down")) : "v1"), checkEveryMs: 250, maxEntries: 10, now: () => clock });
    expect((await cache.get("a", async () => ({ mode: "fallback" }))).cached).toBe(false);
    expect((await cache.get("a", async () => ({ mode: "fallback" }))).cached).toBe(false);
    expect(cache.size).toBe(0);
    fail = false;
    clock += 250;
    await cache.get("a", async () => ({ mode: "fallback" }), (v) => v.mode !== "fallback");
    expect(cache.size).toBe(0);
    await cache.get("a", async () => ({ mode: "meilisearch" }), (v) => v.mode !== "fallback");
    expect((await cache.get("a", async () => ({ mode: "other" }))).value.mode).toBe("meilisearch");
  });

  it("drops a result computed under a version that changed while it was computed", async () => {
    const { cache, tick, setVersion } = setup();
    let release: (() => void) | undefined;
    const slow = cache.get("q", () => new Promise((r) => (release = () => r({ n: 0 }))));
    while (!release) await new Promise((r) => setTimeout(r, 0));
    setVersion("v2");
    tick(250);
    release();
    await slow;
    expect((await cache.get("q", async () => ({ n: 9 }))).value.n).toBe(9);
  });

  it("holds at most maxEntries, least recently used out first", async () => {
    const { cache, compute } = setup();
    await cache.get("a", compute);
    await cache.get("b", compute);
    await cache.get("a", compute);
    await cache.get("c", compute);
    expect((await cache.get("a", compute)).cached).toBe(true);
    expect((await cache.get("b", compute)).cached).toBe(false);
  });
});
