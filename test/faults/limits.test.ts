// The limits of issue 27 against the real site started by `npm start` (embedded Postgres and
// Meilisearch, the real content): who the client is (X-Forwarded-For believed only from a trusted
// proxy), sign-in limited per account without locking anyone out, click beacons only for issued query
// ids, identical asks merged, weak passwords refused, 40 MB bodies refused before they are read, a fuzz
// of every authoring and public route (never a 5xx), same-titled questions created at once, and a
// Postgres outage answered 503 by the authoring API and sign-in.
//
// The site trusts one proxy, 127.0.0.2 (any 127/8 address reaches a loopback server on Linux):
// requests sent from 127.0.0.1 are a client that is not a proxy, those sent from 127.0.0.2 come
// "through the proxy", whose X-Forwarded-For names the real client.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../../lib/authoring/accounts.ts";
import { closeDb, getDb } from "../../lib/db/client.ts";
import { freePort } from "../../lib/servers/free-port.ts";
import { alive } from "../../lib/servers/leftovers.ts";
import type { Runtime } from "../../lib/servers/stack.ts";
import { type Command, runScript } from "../support/process.ts";

const ROOT = join(import.meta.dirname, "../..");
const SLUG = "bei-ren-zhuangshang-yibao-baoxiao";
const PROXY = "127.0.0.2";
const PASSWORD = "蓝色河马-跳过-Fence-1937";
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
let dataDir: string;
let port: number;
let base: string;
let site: Command;
const runtime = () => JSON.parse(readFileSync(join(dataDir, "runtime.json"), "utf8")) as Runtime;
const db = () => getDb(runtime().databaseUrl);

type Res = { status: number; headers: Record<string, string | string[] | undefined>; text: string; json: () => any };
type Init = { body?: string | Buffer | AsyncIterable<Buffer>; headers?: Record<string, string>; from?: string; length?: number };

/** One request with node:http: from a chosen local address, with a streamed (chunked) body if asked. */
function send(method: string, path: string, init: Init = {}): Promise<Res> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = { "user-agent": BROWSER, ...init.headers };
    if (typeof init.body === "string" || Buffer.isBuffer(init.body)) headers["content-length"] = String(Buffer.byteLength(init.body));
    else if (init.length !== undefined) headers["content-length"] = String(init.length);
    const req = httpRequest({ host: "127.0.0.1", port, method, path, headers, localAddress: init.from ?? "127.0.0.1", timeout: 60_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
      res.on("error", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: "", json: () => null }));
    });
    req.on("error", (e) => resolve({ status: 0, headers: {}, text: String(e), json: () => null }));
    req.on("timeout", () => req.destroy(new Error("timeout")));
    const body = init.body;
    if (body === undefined) req.end();
    else if (typeof body === "string" || Buffer.isBuffer(body)) req.end(body);
    else
      void (async () => {
        try {
          for await (const chunk of body) if (!req.write(chunk)) await new Promise((r) => req.once("drain", r));
          req.end();
        } catch {
          /* the server closed the connection: expected for a refused body */
        }
      })();
  });
}

const json = (origin = base) => ({ "content-type": "application/json", origin });
const proxied = (client: string, extra: Record<string, string> = {}) => ({ from: PROXY, headers: { ...json(), "x-forwarded-for": client, ...extra } });
const signIn = (email: string, password: string, init: { from?: string; xff?: string } = {}) =>
  send("POST", "/api/auth/sign-in/email", { from: init.from, headers: { ...json(), ...(init.xff ? { "x-forwarded-for": init.xff } : {}) }, body: JSON.stringify({ email, password }) });

let accountNo = 0;
async function account(role: "advisor" | "reviewer" | "admin", name = `限额测试${role}`) {
  const email = `limits-${role}-${++accountNo}-${randomUUID().slice(0, 6)}@example.cn`;
  const a = await createAccount(db(), { email, name, role, password: PASSWORD, by: "test" }, runtime().databaseUrl);
  return { email, userId: a.userId };
}
/** A signed-in session through the proxy from a client address of its own. */
async function session(role: "advisor" | "reviewer" | "admin") {
  const a = await account(role);
  const r = await signIn(a.email, PASSWORD, { from: PROXY, xff: `192.0.2.${100 + accountNo}` });
  expect(r.status, r.text).toBe(200);
  const cookie = ([] as string[]).concat(r.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  return { ...a, cookie };
}

function rss(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"))!;
  return Number(line.replace(/\D/g, "")) * 1024;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "yibao-limits-"));
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  site = runScript("start.ts", { DATA_DIR: dataDir, PORT: String(port), CONTENT_DIR: join(ROOT, "content"), TRUSTED_PROXIES: PROXY });
  await site.waitFor(/is running at/, 15 * 60_000);
}, 16 * 60_000);

afterAll(async () => {
  let rt: Runtime | null = null;
  try {
    rt = runtime();
    await closeDb(rt.databaseUrl);
  } catch {
    /* never started */
  }
  site.child.kill("SIGTERM");
  await site.exited;
  for (const pid of [rt?.postgresPid, rt?.meiliPid, rt?.webPid]) if (pid && alive(pid)) process.kill(pid, "SIGKILL");
  await rm(dataDir, { recursive: true, force: true });
});

describe("client identity", () => {
  it("gives a rotating X-Forwarded-For from a client that is no proxy nothing: its sign-ins and asks are limited as one client", async () => {
    const guesses = [];
    for (let i = 0; i < 20; i++) guesses.push(await signIn("nobody@example.cn", `wrong-${i}`, { xff: `10.${i}.0.1` }));
    const asks = [];
    for (let i = 0; i < 30; i++) {
      asks.push(await send("POST", "/api/questions", { headers: { ...json(), "x-forwarded-for": `10.1.${i}.1` }, body: JSON.stringify({ title: `异地就医备案第${i}次怎么办理` }) }));
    }
    console.log(`rotating X-Forwarded-For, no proxy: sign-in ${guesses.filter((r) => r.status === 429).length}/20 throttled, asks ${asks.filter((r) => r.status === 202).length}/30 accepted`);
    expect(guesses.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(15);
    expect(asks.filter((r) => r.status === 202).length).toBeLessThanOrEqual(3);
  });

  it("believes X-Forwarded-For from the trusted proxy, and limits the client it names however the header starts", async () => {
    const guesses = [];
    // What a client put in front of the header itself is not believed: the proxy's own hop is.
    for (let i = 0; i < 12; i++) guesses.push(await signIn("nobody2@example.cn", `wrong-${i}`, { from: PROXY, xff: `10.9.${i}.9, 203.0.113.50` }));
    const limited = guesses.filter((r) => r.status === 429).length;
    // Another real client behind the same proxy is not limited by the first one.
    const other = await signIn("nobody2@example.cn", "wrong", { from: PROXY, xff: "203.0.113.51" });
    console.log(`through the trusted proxy: ${limited}/12 throttled; another client ${other.status}`);
    expect(limited).toBeGreaterThanOrEqual(6);
    expect(other.status).not.toBe(429);
  });

  it("limits sign-in per account across clients, yet the right password from a new client works after a short wait", async () => {
    const victim = await account("advisor", "受害者");
    // Attackers on 40 addresses (a botnet behind the proxy), each under the per-client limit.
    const attempts = [];
    for (let i = 0; i < 40; i++) attempts.push(await signIn(victim.email, `guess-${i}`, { from: PROXY, xff: `198.18.${i}.7` }));
    const verified = attempts.filter((r) => r.status === 401).length;
    const refused = attempts.filter((r) => r.status === 429).length;
    // The victim, from an address of their own: refused at most for a while, never locked out.
    const start = Date.now();
    let r = await signIn(victim.email, PASSWORD, { from: PROXY, xff: "198.19.0.1" });
    while (r.status === 429 && Date.now() - start < 130_000) {
      const wait = Number(r.headers["retry-after"] ?? 5);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(120);
      await new Promise((res) => setTimeout(res, wait * 1000));
      r = await signIn(victim.email, PASSWORD, { from: PROXY, xff: "198.19.0.1" });
    }
    console.log(`40 guesses at one account from 40 clients: ${verified} checked, ${refused} refused; the victim signed in after ${Math.round((Date.now() - start) / 1000)} s (${r.status})`);
    expect(verified).toBeLessThanOrEqual(12);
    expect(r.status).toBe(200);
    expect(r.text).not.toMatch(/Too many|Invalid/);
  });

  it("records clicks only for query ids the server issued, once per position", async () => {
    const madeUp = Array.from({ length: 30 }, () => randomUUID());
    const fake = [];
    for (const queryId of madeUp) fake.push(await send("POST", "/api/search/click", { ...proxied("192.0.2.200"), body: JSON.stringify({ queryId, slug: SLUG, position: 1 }) }));
    const search = await send("GET", `/api/search?q=${encodeURIComponent("异地就医备案")}`, { from: PROXY, headers: { "x-forwarded-for": "192.0.2.201" } });
    expect(search.status).toBe(200);
    const queryId = search.json().queryId as string;
    expect(queryId).toBeTruthy();
    const click = () => send("POST", "/api/search/click", { ...proxied("192.0.2.201"), body: JSON.stringify({ queryId, slug: SLUG, position: 2 }) });
    const [first, again] = [await click(), await click()];
    const stored = await db().searchClick.count({ where: { queryId: { in: madeUp } } });
    await new Promise((r) => setTimeout(r, 1500));
    const real = await db().searchClick.count({ where: { queryId } });
    console.log(`clicks: ${stored} of 30 made-up query ids stored; a real one stored ${real} time(s) for two clicks on one position`);
    expect(fake.every((r) => r.status < 500)).toBe(true);
    expect(stored).toBe(0);
    expect(first.json()).toEqual({ recorded: true });
    expect(again.json()).toEqual({ recorded: false });
    expect(real).toBe(1);
  });

  it("merges identical asks from one client: eight at once and one more a minute later share one question and one follow link", async () => {
    const title = `职工医保退休后断缴了还能补吗${randomUUID().slice(0, 4)}`;
    const ask = () => send("POST", "/api/questions", { ...proxied("192.0.2.210"), body: JSON.stringify({ title, question: "我在外地退休。" }) });
    const burst = await Promise.all(Array.from({ length: 8 }, ask));
    const later = await ask();
    const links = new Set([...burst, later].filter((r) => r.status === 202).map((r) => r.json().followUrl));
    const stored = await db().article.count({ where: { title: { startsWith: title.slice(0, 10) } } });
    console.log(`8 identical asks at once + 1: statuses ${[...burst, later].map((r) => r.status).join(",")}; ${links.size} follow link(s), ${stored} question(s) stored`);
    expect([...burst, later].map((r) => r.status)).toEqual(Array(9).fill(202));
    expect(links.size).toBe(1);
    expect(stored).toBe(1);
  });
});

describe("passwords", () => {
  it("refuses weak new passwords with a Chinese reason", async () => {
    const me = await session("advisor");
    const weak = ["aaaaaaaaaa", "1234567890", me.email, "limitsadvisor1990", "zhangwei19900307", "13800138000ab", "password123"];
    const results = [];
    // A client address per attempt: password changes are limited per client too (5 a minute).
    for (const [i, newPassword] of weak.entries()) {
      const r = await send("POST", "/api/auth/change-password", { ...proxied(`192.0.2.${180 + i}`, { cookie: me.cookie }), body: JSON.stringify({ currentPassword: PASSWORD, newPassword }) });
      results.push(r);
    }
    console.log(`weak passwords: ${results.map((r) => r.status).join(",")}`);
    expect(results.map((r) => r.status)).toEqual(Array(weak.length).fill(400));
    for (const r of results) expect(r.json().message).toMatch(/[\u4e00-\u9fff]/);
    const strong = await send("POST", "/api/auth/change-password", { ...proxied("192.0.2.220", { cookie: me.cookie }), body: JSON.stringify({ currentPassword: PASSWORD, newPassword: "雨后-Tiger-窗台-8472" }) });
    expect(strong.status, strong.text).toBe(200);
  });
});

describe("bodies", () => {
  async function* megabytes(n: number) {
    const mb = Buffer.alloc(1024 * 1024, "a");
    for (let i = 0; i < n; i++) yield mb;
  }

  it("refuses four anonymous 40 MB bodies at once before reading them (declared and chunked)", async () => {
    const pid = runtime().webPid!;
    // The routes loaded first, so that what is measured is the bodies, not the modules.
    for (const path of ["/api/questions", "/api/search/click", "/api/auth/sign-in/email"]) await send("POST", path, { ...proxied("192.0.2.229"), body: "{}" });
    await send("PUT", `/api/admin/questions/${SLUG}/draft`, { ...proxied("192.0.2.229"), body: "{}" });
    const before = rss(pid);
    let peak = before;
    const watch = setInterval(() => (peak = Math.max(peak, rss(pid))), 20);
    const results = await Promise.all([
      send("POST", "/api/questions", { ...proxied("192.0.2.230"), body: megabytes(40), length: 40 * 1024 * 1024 }),
      send("POST", "/api/search/click", { ...proxied("192.0.2.231"), body: megabytes(40) }),
      send("POST", "/api/auth/sign-in/email", { ...proxied("192.0.2.232"), body: megabytes(40) }),
      send("PUT", `/api/admin/questions/${SLUG}/draft`, { ...proxied("192.0.2.233"), body: megabytes(40), length: 40 * 1024 * 1024 }),
    ]);
    clearInterval(watch);
    console.log(`4 × 40 MB: ${results.map((r) => r.status).join(",")}; web server RSS ${Math.round(before / 2 ** 20)} → peak ${Math.round(peak / 2 ** 20)} MB`);
    expect(results.map((r) => r.status)).toEqual([413, 413, 413, 413]);
    for (const r of results) expect(r.json().message).toMatch(/[\u4e00-\u9fff]/);
    expect(peak - before).toBeLessThan(60 * 2 ** 20);
  });

  it("accepts a draft of 150,000 Chinese characters (below the documented 200,000)", async () => {
    const me = await session("advisor");
    const body = "医保报销比例按照当地政策执行。".repeat(10_000);
    const r = await send("PUT", `/api/admin/questions/${SLUG}/draft`, { ...proxied("192.0.2.240", { cookie: me.cookie }), body: JSON.stringify({ body }) });
    expect(r.status, r.text.slice(0, 300)).toBe(200);
  });
});

describe("no input answers 5xx", () => {
  const NUL = "医保\u0000报销";
  const LONE = "医保\uD800报销";
  const HUGE = "2147483648";
  const bodies = (fields: Record<string, unknown>) => {
    const out: string[] = ["{", "[]", "null", '"x"', "1"];
    for (const key of Object.keys(fields)) {
      for (const v of [NUL, LONE, 2 ** 31, -1, 1e308, true, [], {}, null, "x".repeat(5000)]) out.push(JSON.stringify({ ...fields, [key]: v }));
    }
    // JSON.stringify writes a lone surrogate as an escape; a raw one (invalid UTF-8 once encoded) too.
    out.push(JSON.stringify(fields).replace(/}$/, ',"x":"\\ud800"}'));
    return out;
  };

  it("answers a fuzz of every authoring and public route without a 5xx", async () => {
    const admin = await session("admin");
    const routes: [string, string, Record<string, unknown>?][] = [
      ["POST", "/api/questions", { title: "异地就医怎么备案呢", question: "说明", region: "520500", insurance: "employee" }],
      ["POST", "/api/questions/follow", { slug: SLUG }],
      ["POST", "/api/search/click", { queryId: randomUUID(), slug: SLUG, position: 1, q: "医保" }],
      ["POST", "/api/calculators/estimate", { policyId: "x", bill: { total: 100 } }],
      ["POST", "/api/auth/sign-in/email", { email: "a@b.cn", password: "x".repeat(12) }],
      ["POST", "/api/admin/questions", { title: "异地就医怎么备案呢", question: "说明", region: "520500", insurance: ["employee"], topics: ["异地就医"], year: 2025 }],
      ["POST", `/api/admin/questions/${SLUG}/claim`],
      ["PUT", `/api/admin/questions/${SLUG}/draft`, { body: "解答", citations: [], baseRevisionId: 1 }],
      ["POST", `/api/admin/questions/${SLUG}/draft/submit`, { summary: "改动" }],
      ["POST", `/api/admin/questions/${SLUG}/state`, { state: "archived" }],
      ["PUT", `/api/admin/questions/${SLUG}/aliases`, { aliases: ["别的问法"] }],
      ["POST", "/api/admin/preview", { body: "**解答**" }],
      ["POST", `/api/admin/reviews/${HUGE}`, { decision: "approve", comment: "好" }],
      ["POST", `/api/admin/revisions/${HUGE}/restore`],
      ["POST", `/api/admin/answers/${HUGE}/checks`, { outcome: "unverified", note: "说明" }],
      ["POST", `/api/admin/policies/x/checks`, { outcome: "unverified", note: "说明" }],
      ["POST", `/api/admin/moderation/${SLUG}`, { decision: "reject", reason: "理由" }],
      ["POST", `/api/admin/analytics/gaps/${HUGE}`, { action: "dismiss" }],
      ["POST", "/api/admin/accounts", { email: "new@example.cn", name: "新人", role: "advisor", title: "顾问" }],
      ["POST", `/api/admin/accounts/${admin.userId}`, { title: "管理员", bio: "简介" }],
    ];
    const gets = [
      "/api/admin/reviews/99999999999999", `/api/admin/reviews/${HUGE}`, "/api/admin/reviews/-1", `/api/admin/analytics/gaps/${HUGE}`, "/api/admin/analytics/gaps/1e3",
      "/api/admin/analytics/gaps?from=0001-01-01&to=9999-12-31", "/api/admin/analytics/export?from=0001-01-01&to=9999-12-31&table=daily", "/api/admin/analytics/export?from=0001-01-01&to=9999-12-31&table=gaps",
      "/api/admin/analytics/export?from=2026-02-30&to=2025-01-01", "/admin/analytics?from=0001-01-01&to=9999-12-31", "/api/admin/queue?region=%00&topic=%ED%A0%80",
      `/api/admin/questions/${encodeURIComponent(NUL)}/draft`, `/api/admin/questions/%ED%A0%80/draft`, "/api/admin/policies/%00/checks", "/api/admin/accounts",
      "/api/search?q=%00&page=2147483648", "/api/suggest?q=%ED%A0%80",
    ];
    const results: { what: string; status: number; text: string; ms: number }[] = [];
    const hit = async (method: string, path: string, body?: string) => {
      const t = Date.now();
      const r = await send(method, path, { ...proxied(`192.0.2.${250 + (results.length % 4)}`, { cookie: admin.cookie }), body });
      results.push({ what: `${method} ${path} ${body?.slice(0, 60) ?? ""}`, status: r.status, text: r.text, ms: Date.now() - t });
    };
    for (const [method, path, fields] of routes) for (const body of fields ? bodies(fields) : ["{", "null", '{"x":"\\ud800"}']) await hit(method, path, body);
    for (const path of gets) await hit("GET", path);
    // Three same-titled questions at once: each gets its own slug or a clean 409.
    const title = `同名问题并发创建测试${randomUUID().slice(0, 4)}`;
    const same = await Promise.all(
      [1, 2, 3].map(() => send("POST", "/api/admin/questions", { ...proxied("192.0.2.254", { cookie: admin.cookie }), body: JSON.stringify({ title, region: "520500", insurance: ["employee"], topics: ["异地就医"] }) })),
    );
    const bad = results.filter((r) => r.status === 0 || r.status >= 500);
    const slow = results.filter((r) => r.ms > 5000);
    console.log(`fuzz: ${results.length} requests, ${bad.length} × 5xx, ${slow.length} slower than 5 s; same-titled questions: ${same.map((r) => r.status).join(",")}`);
    expect(bad.map((r) => `${r.status} ${r.what} → ${r.text.slice(0, 160)}`)).toEqual([]);
    expect(slow.map((r) => `${r.ms} ms ${r.what}`)).toEqual([]);
    expect(same.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const slugs = same.filter((r) => r.status === 201).map((r) => r.json().slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    // Every error has one shape.
    const shapes = results.filter((r) => r.status >= 400 && r.text.startsWith("{")).map((r) => JSON.parse(r.text));
    const offShape = shapes.filter((s) => typeof s.error !== "string" || typeof s.message !== "string" || !/[\u4e00-\u9fff]/.test(s.message));
    expect(offShape.map((s) => JSON.stringify(s).slice(0, 200))).toEqual([]);
  });

  it("answers 503 on the authoring API and sign-in while Postgres is down, never 401 or 500", async () => {
    const me = await session("reviewer");
    const a = await account("advisor");
    const { postgresPid } = runtime();
    process.kill(postgresPid!, "SIGKILL");
    const results: string[] = [];
    const end = Date.now() + 4000;
    // A client address per attempt: the per-client sign-in limit is not what this is about.
    for (let i = 0; Date.now() < end; i++) {
      const q = await send("GET", "/api/admin/queue", { from: PROXY, headers: { cookie: me.cookie, "x-forwarded-for": "192.0.2.9" } });
      const s = await signIn(a.email, PASSWORD, { from: PROXY, xff: `172.16.${i >> 8}.${i & 255}` });
      results.push(`queue ${q.status}`, `sign-in ${s.status}`);
    }
    await site.waitFor(/PostgreSQL restarted/, 60_000);
    console.log(`Postgres down: ${[...new Set(results)].join(", ")}`);
    expect(results.some((r) => r.endsWith("503"))).toBe(true);
    expect(results.filter((r) => !/ (200|503)$/.test(r))).toEqual([]);
  });
});
