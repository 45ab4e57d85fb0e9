// Degraded modes with real servers: Meilisearch unreachable → every kind of search (Chinese, mixed,
// pinyin, initials, no text at all, each filter, newest first, a later page) is answered from Postgres;
// Postgres unreachable → search answers from Meilisearch alone (related questions left out).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestContent } from "../../lib/content/ingest.ts";
import { closeDb, getDb } from "../../lib/db/client.ts";
import { getIndex, getSearchClient } from "../../lib/search/client.ts";
import { parseSearchParams } from "../../lib/search/params.ts";
import { searchArticles } from "../../lib/search/query.ts";
import { freePort } from "../../lib/servers/free-port.ts";
import { neighboursOrNone } from "../../lib/site/search.ts";
import { copyContent, testContext, type TestContext } from "../support/context.ts";

let ctx: TestContext;
let content: Awaited<ReturnType<typeof copyContent>>;
let deadUrl: string;
let deadDbUrl: string;

beforeAll(async () => {
  ctx = await testContext();
  content = await copyContent(new URL("../fixtures/content", import.meta.url).pathname);
  await ingestContent({ contentDir: content.dir, databaseUrl: ctx.databaseUrl, index: ctx.index });
  // Nothing listens on a port the kernel just handed out and took back: refused at once, like a
  // killed server.
  deadUrl = `http://127.0.0.1:${await freePort()}`;
  const u = new URL(ctx.databaseUrl);
  u.port = String(await freePort());
  deadDbUrl = u.toString();
});

afterAll(async () => {
  await ctx.close();
  await closeDb(deadDbUrl);
  await content.cleanup();
});

const params = (q: Record<string, string>) => {
  const p = parseSearchParams(q);
  if (!p.success) throw p.error;
  return p.data;
};

describe("with Meilisearch down", () => {
  const down = () => getIndex(getSearchClient(deadUrl, "key", { timeout: 500 }), ctx.indexName);
  const search = (q: Record<string, string>) => searchArticles(params(q), { index: down(), db: ctx.db });
  const all = ["dingdian-daijieda", "menzhen-tongchou-bijie", "yidi-beian"];

  it.each([
    ["Chinese", { q: "异地就医备案" }, ["yidi-beian"]],
    ["traditional", { q: "異地就醫備案" }, ["yidi-beian"]],
    ["with a filter", { q: "门诊", region: "520500" }, ["menzhen-tongchou-bijie"]],
    ["no text", {}, all],
    ["no text, newest first", { sort: "newest" }, all],
    ["no text, by region", { region: "520500" }, ["menzhen-tongchou-bijie"]],
    ["no text, by province", { region: "520000" }, ["menzhen-tongchou-bijie"]],
    ["no text, nationwide", { region: "000000" }, ["dingdian-daijieda", "yidi-beian"]],
    ["no text, by insurance", { insurance: "employee" }, null],
    ["no text, by topic", { topic: "门诊统筹" }, ["menzhen-tongchou-bijie"]],
    ["no text, by year", { year: "2025" }, null],
  ] as const)("answers a %s search from Postgres", async (_kind, q, slugs) => {
    const r = await search(q);
    expect(r.mode).toBe("fallback");
    if (slugs) expect(r.hits.map((h) => h.slug).sort()).toEqual([...slugs].sort());
    else expect(r.hits.length).toBeGreaterThan(0);
    expect(r.total).toBe(r.hits.length);
  });

  it.each([
    ["pinyin", { q: "yidi beian" }],
    ["initials", { q: "ydba" }],
    ["mixed", { q: "A类药品" }],
    ["a later page", { q: "医保", page: "2" }],
  ] as const)("answers a %s search from Postgres without an error", async (_kind, q) => {
    const r = await search(q);
    expect(r.mode).toBe("fallback");
    expect(Array.isArray(r.hits)).toBe(true);
  });
});

describe("with Postgres down", () => {
  it("answers from Meilisearch alone, related questions left out instead of failing the search", async () => {
    const dead = getDb(deadDbUrl);
    const r = await searchArticles(params({ q: "异地就医备案" }), { index: ctx.index, db: dead, neighbours: neighboursOrNone(dead) });
    expect(r.mode).toBe("meilisearch");
    expect(r.hits[0]?.slug).toBe("yidi-beian");
    expect(r.more).toEqual([]);
  });

  it("still answers searches without text and with filters", async () => {
    const dead = getDb(deadDbUrl);
    const r = await searchArticles(params({ region: "520500" }), { index: ctx.index, db: dead, neighbours: neighboursOrNone(dead) });
    expect(r.mode).toBe("meilisearch");
    expect(r.hits.map((h) => h.slug)).toEqual(["menzhen-tongchou-bijie"]);
  });
});
