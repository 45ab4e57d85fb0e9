// Repeated searches answered from memory (lib/search/result-cache.ts via lib/site/search.ts), through the
// real route handler on a real Meilisearch: a repeat gives the same hits and is still logged, and a change
// to the index reaches searches within moments.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getIndex, getSearchClient } from "../../lib/search/client.ts";
import { SITE, siteFixture } from "../support/site.ts";

type Handler = (req: Request) => Promise<Response>;
let search: Handler;
let site: Awaited<ReturnType<typeof siteFixture>>;

beforeAll(async () => {
  site = await siteFixture();
  search = ((await import("../../app/api/search/route.ts")) as unknown as { GET: Handler }).GET;
});
afterAll(() => site.close());

type Found = { hits: { slug: string }[]; queryId: string | null; total: number };
async function find(q: string): Promise<Found> {
  const req = new NextRequest(`${SITE}/api/search?q=${encodeURIComponent(q)}`, { headers: { "user-agent": "Mozilla/5.0 Chrome/131.0", "x-yibao-client": "198.51.100.9" } });
  const res = await search(req);
  expect(res.status).toBe(200);
  return (await res.json()) as Found;
}

/** Removes a hit's document from the index directly, as an unpublish by the worker would. */
async function removeFromIndex(slug: string) {
  const index = getIndex(getSearchClient(), process.env.MEILI_INDEX);
  const { id } = await site.db().article.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  const task = await index.deleteDocument(id).waitTask();
  expect(task.status).toBe("succeeded");
}

async function goneWithin(q: string, slug: string, ms: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < ms) {
    if (!(await find(q)).hits.some((h) => h.slug === slug)) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${slug} still found for ${q} after ${ms} ms`);
}

describe("the search result cache (on by default)", () => {
  it("answers a repeat alike, logs each search, and drops a removed article within moments", async () => {
    const q = "异地就医备案";
    const first = await find(q);
    expect(first.total).toBeGreaterThan(0);
    const again = await find(q);
    expect(again.hits).toEqual(first.hits);
    // Each search is its own log entry, cached or not.
    expect(again.queryId).not.toBeNull();
    expect(again.queryId).not.toBe(first.queryId);
    const slug = first.hits[0]!.slug;
    await removeFromIndex(slug);
    // The cache checks the index's version every 250 ms: the removal shows well within a second.
    expect(await goneWithin(q, slug, 1500)).toBeLessThan(1500);
  });
});
