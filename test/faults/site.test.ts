// The probes of issue 14 against the real site started by `npm start` (embedded Postgres + Meilisearch,
// the real content): hostile input to every API and a few pages (never a 500), Meilisearch killed
// under bounded load (0 failed requests), Postgres killed under bounded load (search keeps answering,
// APIs and pages not yet cached answer a Chinese 503 with Retry-After, cached pages are served as they
// were), and kill -9 of npm start itself (the next start stops what it left running).
// The supervisor restarts what was killed. Reuses the site build of the end-to-end stage (same
// NEXT_DIST_DIR) when it is up to date.
import { readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../lib/servers/free-port.ts";
import { alive } from "../../lib/servers/leftovers.ts";
import type { Runtime } from "../../lib/servers/stack.ts";
import { type Command, runScript, stopStarted } from "../support/process.ts";

const ROOT = join(import.meta.dirname, "../..");
const SLUG = "bei-ren-zhuangshang-yibao-baoxiao";
let dataDir: string;
let base: string;
let site: Command;
const runtime = () => JSON.parse(readFileSync(join(dataDir, "runtime.json"), "utf8")) as Runtime;

type Result = { method: string; url: string; status: number; type: string; body: string; retryAfter: string | null };

async function request(method: string, url: string, init: { body?: string; headers?: Record<string, string> } = {}): Promise<Result> {
  try {
    const r = await fetch(base + url, { method, body: init.body, headers: init.headers, redirect: "manual", signal: AbortSignal.timeout(20_000) });
    return { method, url, status: r.status, type: r.headers.get("content-type") ?? "", body: await r.text(), retryAfter: r.headers.get("retry-after") };
  } catch (e) {
    return { method, url, status: 0, type: "", body: String((e as Error).cause ?? e), retryAfter: null };
  }
}

/**
 * `clients` loop over `urls` for `ms`; `during` runs once, `at` ms in. Bounded in time and concurrency.
 * A function in `urls` gives a new address each time (pages no one has asked for yet, so not cached).
 */
async function load(urls: (string | (() => string))[], ms: number, at: number, during: () => void, clients = 4): Promise<Result[]> {
  const results: Result[] = [];
  const end = Date.now() + ms;
  const fault = new Promise<void>((r) => setTimeout(() => (during(), r()), at));
  await Promise.all(
    Array.from({ length: clients }, async (_, w) => {
      for (let i = w; Date.now() < end; i++) {
        const url = urls[i % urls.length]!;
        results.push(await request("GET", typeof url === "string" ? url : url()));
      }
    }),
  );
  await fault;
  return results;
}

const failed = (rs: Result[]) => rs.filter((r) => r.status === 0 || r.status >= 500).map((r) => `${r.status} ${r.method} ${r.url} ${r.body.slice(0, 120)}`);

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "yibao-faults-"));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  site = runScript("start.ts", { DATA_DIR: dataDir, PORT: String(port), CONTENT_DIR: join(ROOT, "content") });
  await site.waitFor(/is running at/, 15 * 60_000);
}, 16 * 60_000);

afterAll(() => stopStarted(site, dataDir));

describe("hostile input", () => {
  const LONG = "医".repeat(20_000);
  const json = { "content-type": "application/json" };
  const foreign = { ...json, origin: "https://evil.example" };
  const cases: [string, string, { body?: string; headers?: Record<string, string> }?][] = [
    ...[
      `q=${encodeURIComponent(LONG)}`, "q=%00", "q=%F0%9F%98%80%EE%80%80", "q=<script>alert(1)</script>", "q=%E4%B8", "region=abc", "region=520500&region=110000",
      "page=-1", "page=99999999999999999999", "page=1e3", "sort=__proto__", "year=abc", "year=99999", "insurance=constructor", "topic=%00", "facets=1&q=医保",
    ].map((qs): [string, string] => ["GET", `/api/search?${qs}`]),
    ["GET", `/api/suggest?q=${encodeURIComponent(LONG)}`],
    ["GET", "/api/suggest?q=%00"],
    ["GET", "/api/suggest?q=%E4%B8"],
    ...["{}", "[]", '"x"', "null", "{", '{"constructor":1}', '{"__proto__":{"x":1}}', '{"toString":1}', `{"policyId":"${"x".repeat(100_000)}"}`, '{"policyId":1,"bill":{"total":"NaN"}}', "x".repeat(2_000_000)].map(
      (body): [string, string, { body: string; headers: Record<string, string> }] => ["POST", "/api/calculators/estimate", { body, headers: json }],
    ),
    ["GET", "/api/calculators/policies?valueOf=x&__proto__=1"],
    ["GET", "/api/calculators/policies?region=%00&year=abc"],
    ["GET", "/api/health?x=%00"],
    // The authoring API without a session, from another site, with broken bodies.
    ...["/api/admin/questions", "/api/admin/accounts", "/api/admin/preview", `/api/admin/questions/${SLUG}/claim`, `/api/admin/questions/${SLUG}/draft`, `/api/admin/questions/${SLUG}/draft/submit`, `/api/admin/questions/${SLUG}/state`, `/api/admin/questions/${SLUG}/aliases`, "/api/admin/reviews/1", "/api/admin/revisions/x/restore", "/api/admin/accounts/x"].flatMap(
      (path): [string, string, { body?: string; headers?: Record<string, string> }?][] => [
        ["GET", path],
        ["POST", path, { body: "{", headers: foreign }],
        ["POST", path, { body: '{"__proto__":{}}', headers: { ...json, origin: base } }],
      ],
    ),
    ...["{", '{"aliases":"x"}', '{"aliases":[1,{}]}', `{"aliases":["${"长".repeat(200)}"]}`, '{"__proto__":{"aliases":[]}}'].map(
      (body): [string, string, { body: string; headers: Record<string, string> }] => ["PUT", `/api/admin/questions/${SLUG}/aliases`, { body, headers: { ...json, origin: base } }],
    ),
    ["PUT", `/api/admin/questions/${SLUG}/aliases`, { body: '{"aliases":["别的网站"]}', headers: foreign }],
    ["GET", "/api/admin/queue?region=%00"],
    ["POST", "/api/auth/sign-in/email", { body: "{", headers: { ...json, origin: base } }],
    ["POST", "/api/auth/sign-in/email", { body: JSON.stringify({ email: LONG, password: LONG }), headers: { ...json, origin: base } }],
    ["POST", "/api/auth/sign-up/email", { body: JSON.stringify({ email: "a@b.cn", password: "x".repeat(50), name: "x" }), headers: { ...json, origin: base } }],
    ["GET", "/api/auth/%00"],
    ["GET", "/api/nothing-here"],
    ["GET", "/q/%"],
    ["GET", `/q/${"a".repeat(5000)}`],
    ["GET", "/q/..%2F..%2Fetc%2Fpasswd"],
    ["GET", `/search?q=${encodeURIComponent("<img src=x onerror=alert(1)>")}&page=-5&region=x`],
    ["GET", "/calculators/%E4%B8"],
    ["GET", "/advisors/%00"],
  ];

  it(`answers ${cases.length} hostile requests to every API without a 500`, async () => {
    const results: Result[] = [];
    for (const [method, url, init] of cases) results.push(await request(method, url, init));
    expect(failed(results)).toEqual([]);
    // Nothing reflected as markup in a page (JSON answers may quote the query: they are not HTML).
    expect(results.filter((r) => r.type.startsWith("text/html") && /<script>alert\(1\)<\/script>|<img src=x onerror/.test(r.body)).map((r) => r.url)).toEqual([]);
    expect(results.filter((r) => r.url.startsWith("/api/") && r.status < 400 && !r.type.startsWith("application/json")).map((r) => r.url)).toEqual([]);
  });
});

describe("faults under load", () => {
  const URLS = ["/", `/q/${SLUG}`, `/search?q=${encodeURIComponent("异地就医备案")}`, `/api/search?q=${encodeURIComponent("门诊统筹")}`, "/api/search?region=520500", "/api/search?q=ydba", `/api/suggest?q=${encodeURIComponent("异地")}`, "/calculators", "/api/health"];

  it("loses no request while Meilisearch is killed and restarted", async () => {
    const { meiliPid } = runtime();
    const results = await load(URLS, 15_000, 3_000, () => process.kill(meiliPid!, "SIGKILL"));
    await site.waitFor(/Meilisearch restarted/, 60_000);
    console.log(`Meilisearch killed under load: ${results.length} requests, ${failed(results).length} failed`);
    expect(results.length).toBeGreaterThan(10);
    expect(failed(results)).toEqual([]);
  });

  it("keeps search answering and cached pages served while Postgres is killed and restarted; everything else is a Chinese 503, never a 500 or English", async () => {
    // Question pages no one has opened yet (not in the page cache): rendered during the outage, they
    // need Postgres and must answer 503 with Retry-After (Next's error shell, app/error.tsx in Chinese).
    const sitemap = await (await fetch(`${base}/sitemaps/questions-1.xml`)).text();
    const fresh = [...sitemap.matchAll(/<loc>[^<]*\/q\/([^<]+)<\/loc>/g)].map((m) => m[1]!).filter((s) => s !== SLUG);
    expect(fresh.length).toBeGreaterThan(20);
    let next = 0;
    const freshPage = () => `/q/${fresh[next++ % fresh.length]}`;
    const { postgresPid } = runtime();
    const results = await load([...URLS, freshPage, "/advisors/wang-lin"], 15_000, 3_000, () => process.kill(postgresPid!, "SIGKILL"));
    await site.waitFor(/PostgreSQL restarted/, 60_000);
    const count = (f: (r: Result) => boolean) => results.filter(f).length;
    console.log(`Postgres killed under load: ${results.length} requests; ${count((r) => r.status < 400)} answered, ${count((r) => r.status === 503)} 503 (${count((r) => r.status === 503 && !r.url.startsWith("/api/"))} of them pages), ${count((r) => r.status === 500)} 500, ${count((r) => r.status === 0)} failed`);
    expect(results.length).toBeGreaterThan(10);
    const english = /Internal Server Error|Application error|This page could not be found/;
    const bad = results.filter((r) => {
      if (r.status === 0) return true;
      if (r.status < 500) return false;
      if (r.url === "/api/health") return r.status !== 503; // says "down" to the load balancer, by design
      if (r.url.startsWith("/api/")) return r.status !== 503 || !/[\u4e00-\u9fff]/.test(r.body);
      // Next's error shell, in which the browser draws app/error.tsx (Chinese); no English text in it.
      return r.status !== 503 || r.retryAfter === null || !/[\u4e00-\u9fff]/.test(r.body) || english.test(r.body);
    });
    expect(bad.map((r) => `${r.status} ${r.url} ${r.body.slice(0, 160)}`)).toEqual([]);
    // Search kept answering from Meilisearch alone, with and without text.
    expect(results.filter((r) => r.url.startsWith("/api/search") && r.status !== 200).map((r) => `${r.status} ${r.url}`)).toEqual([]);
    // The outage was seen at all (otherwise this proves nothing).
    expect(results.filter((r) => r.url === "/api/health" && r.status === 503).length).toBeGreaterThan(0);
    // Pages rendered during the outage said 503 (this run saw the page path, not only the APIs).
    expect(results.filter((r) => r.url.startsWith("/q/") && r.status === 503).length).toBeGreaterThan(0);
    // The question page cached before the outage was served throughout.
    expect(results.filter((r) => r.url === `/q/${SLUG}` && r.status !== 200).map((r) => r.status)).toEqual([]);
    // Once Postgres is back, pages are served again.
    expect((await request("GET", `/q/${SLUG}`)).status).toBe(200);
  });
});

describe("kill -9 of npm start", () => {
  it("leaves its servers running; the next npm start says so, stops them and serves again", async () => {
    const before = runtime();
    expect(before.webPid).toBeTruthy();
    site.child.kill("SIGKILL");
    await site.exited;
    for (const pid of [before.postgresPid!, before.meiliPid!, before.webPid!]) expect(alive(pid)).toBe(true);
    const port = new URL(base).port;
    site = runScript("start.ts", { DATA_DIR: dataDir, PORT: port, CONTENT_DIR: join(ROOT, "content") });
    await site.waitFor(
      new RegExp(`ended without stopping its servers; stopping them: PostgreSQL \\(pid ${before.postgresPid}\\), Meilisearch \\(pid ${before.meiliPid}\\), the web server \\(pid ${before.webPid}\\)`),
      120_000,
    );
    await site.waitFor(/is running at/, 10 * 60_000);
    for (const pid of [before.postgresPid!, before.meiliPid!, before.webPid!]) expect(alive(pid)).toBe(false);
    expect((await request("GET", `/q/${SLUG}`)).status).toBe(200);
  });
});
