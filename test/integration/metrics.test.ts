// GET /metrics through the real route handler on a real Postgres and Meilisearch: only loopback clients
// or the bearer token see it, searches are counted by how they were answered, and the worker's state is
// read from Postgres at each scrape.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { beat } from "../../lib/outbox/heartbeat.ts";
import { SITE, siteFixture } from "../support/site.ts";

type Handler = (req: Request) => Promise<Response>;
let metrics: Handler;
let search: Handler;
let site: Awaited<ReturnType<typeof siteFixture>>;
const TOKEN = "t".repeat(40);

beforeAll(async () => {
  site = await siteFixture();
  process.env.METRICS_TOKEN = TOKEN;
  metrics = ((await import("../../app/metrics/route.ts")) as unknown as { GET: Handler }).GET;
  search = ((await import("../../app/api/search/route.ts")) as unknown as { GET: Handler }).GET;
});
afterAll(() => site.close());

const scrape = (headers: Record<string, string>) => metrics(new NextRequest(`${SITE}/metrics`, { headers }));
const value = (text: string, series: string) => Number(new RegExp(`^${series.replace(/[{}"]/g, (c) => `\\${c}`)} (\\S+)$`, "m").exec(text)?.[1] ?? NaN);

it("answers a loopback client and the bearer token, and nobody else", async () => {
  expect((await scrape({ "x-yibao-client": "127.0.0.1" })).status).toBe(200);
  expect((await scrape({ "x-yibao-client": "203.0.113.7" })).status).toBe(404);
  expect((await scrape({ "x-yibao-client": "203.0.113.7", authorization: "Bearer wrong" })).status).toBe(404);
  const ok = await scrape({ "x-yibao-client": "203.0.113.7", authorization: `Bearer ${TOKEN}` });
  expect(ok.status).toBe(200);
  expect(ok.headers.get("content-type")).toMatch(/text\/plain/);
});

it("counts searches by how they were answered and those that found nothing", async () => {
  const before = await (await scrape({ "x-yibao-client": "127.0.0.1" })).text();
  const ask = (q: string) => search(new NextRequest(`${SITE}/api/search?q=${encodeURIComponent(q)}`, { headers: { "x-yibao-client": "198.51.100.3" } }));
  await ask("异地就医备案");
  await ask("异地就医备案"); // the result cache's answer
  await ask("完全不存在的词语组合");
  const after = await (await scrape({ "x-yibao-client": "127.0.0.1" })).text();
  const delta = (series: string) => (value(after, series) || 0) - (value(before, series) || 0);
  expect(delta('yibao_searches_total{mode="meilisearch",cause=""}')).toBeGreaterThanOrEqual(2);
  expect(delta('yibao_searches_total{mode="cache",cause=""}')).toBeGreaterThanOrEqual(1);
  expect(delta("yibao_search_zero_results_total")).toBeGreaterThanOrEqual(1);
});

it("reads the outbox, the feeds and the worker's heartbeat from Postgres at each scrape", async () => {
  let text = await (await scrape({ "x-yibao-client": "127.0.0.1" })).text();
  expect(text).toMatch(/^yibao_outbox_depth \d+$/m);
  expect(text).toMatch(/^yibao_search_feed_lag_seconds\{meilisearch="[^"]+"\} [\d.]+$/m);
  expect(text).not.toMatch(/^yibao_worker_last_seen_seconds /m); // no worker ever ran on this database
  expect(text).not.toMatch(/^yibao_publish_to_searchable_seconds/m);
  await beat(site.db(), { pid: 1, since: new Date().toISOString(), lastFeedPass: new Date().toISOString(), lastFeedMs: 250, lastSearchableMs: 1200 });
  text = await (await scrape({ "x-yibao-client": "127.0.0.1" })).text();
  expect(value(text, 'yibao_worker_last_seen_seconds{pid="1"}')).toBeLessThan(5);
  expect(value(text, 'yibao_worker_search_pass_seconds{pid="1"}')).toBe(0.25);
  expect(value(text, 'yibao_publish_to_searchable_seconds{pid="1"}')).toBe(1.2);
  // This process's pool to the primary, which the searches above used.
  expect(value(text, 'yibao_pg_pool_connections{state="total"}')).toBeGreaterThan(0);
  expect(value(text, 'yibao_pg_pool_connections{state="waiting"}')).toBeGreaterThanOrEqual(0);
});
