// The shipped edge cache (deploy/varnish/yibao.vcl, Debian's Varnish) in front of the site started by
// `npm start`: it serves cached question pages itself, a publish is visible through it within 2 s (the
// worker bans the pages after expiring them on the web server), and it never serves the authoring app,
// the API, a write or a signed-in reader's request from its cache. And a web instance stopped under load
// behind it (SIGTERM, as a deploy does) fails no request. Reuses the end-to-end stage's build.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishAnswer } from "../../lib/articles/revisions.ts";
import { closeDb, getDb } from "../../lib/db/client.ts";
import { freePort } from "../../lib/servers/free-port.ts";
import { alive } from "../../lib/servers/leftovers.ts";
import type { Runtime } from "../../lib/servers/stack.ts";
import { type RunningVarnish, startVarnish } from "../../lib/servers/varnish.ts";
import { type Command, runScript, until } from "../support/process.ts";

const ROOT = join(import.meta.dirname, "../..");
let dataDir: string;
let site: Command;
let edge: RunningVarnish;
let sitePort: number;
const runtime = () => JSON.parse(readFileSync(join(dataDir, "runtime.json"), "utf8")) as Runtime;
const get = (path: string, headers: Record<string, string> = {}) => fetch(edge.url + path, { headers, redirect: "manual" });
const SESSION = "better-auth.session_token=made-up.signature";

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "yibao-edge-"));
  const port = (sitePort = await freePort());
  const edgePort = await freePort();
  // The worker purges the edge at the port it will listen on; started after the site is up.
  site = runScript("start.ts", { DATA_DIR: dataDir, PORT: String(port), CONTENT_DIR: join(ROOT, "content"), EDGE_URLS: `http://127.0.0.1:${edgePort}` });
  await site.waitFor(/is running at/, 15 * 60_000);
  edge = await startVarnish([{ host: "127.0.0.1", port }], { port: edgePort });
  await until("the edge serves pages", async () => (await get("/q/bei-ren-zhuangshang-yibao-baoxiao")).status === 200, 60_000);
}, 16 * 60_000);

afterAll(async () => {
  await edge?.stop();
  const rt = (() => {
    try {
      return runtime();
    } catch {
      return null;
    }
  })();
  site.child.kill("SIGTERM");
  await site.exited;
  for (const pid of [rt?.postgresPid, rt?.meiliPid, rt?.webPid, rt?.workerPid]) if (pid && alive(pid)) process.kill(pid, "SIGKILL");
  await closeDb(rt?.databaseUrl);
  await rm(dataDir, { recursive: true, force: true });
}, 120_000);

describe("the edge cache", () => {
  it("serves a cached question page and the static files itself", async () => {
    const path = "/q/dabing-baoxian-zenme-bao";
    await get(path);
    const again = await get(path);
    expect(again.status).toBe(200);
    expect(again.headers.get("x-edge-cache")).toBe("HIT");
    const css = /href="(\/_next\/static\/[^"]+\.css)"/.exec(await again.text())?.[1];
    expect(css).toBeTruthy();
    await get(css!);
    expect((await get(css!)).headers.get("x-edge-cache")).toBe("HIT");
  });

  it("shows a published answer within 2 s", async () => {
    const db = getDb(runtime().databaseUrl);
    const article = await db.article.findFirstOrThrow({ where: { state: "published" }, select: { id: true, slug: true } });
    const advisor = await db.advisor.findFirstOrThrow({ select: { id: true } });
    const path = `/q/${article.slug}`;
    await get(path);
    expect((await get(path)).headers.get("x-edge-cache")).toBe("HIT");
    const word = `边缘缓存验证${randomUUID().slice(0, 8)}`;
    const t0 = Date.now();
    await publishAnswer(db, { articleId: article.id, position: 1, advisorId: advisor.id, body: `新的修订：${word}`, by: "faults" });
    await until("the edge shows the new answer", async () => (await (await get(path)).text()).includes(word), 2000);
    console.log(`publish → visible through the edge: ${Date.now() - t0} ms`);
  });

  it("never serves the authoring app, the API, writes or a signed-in request from its cache", async () => {
    for (let i = 0; i < 2; i++) {
      expect((await get("/admin", { cookie: SESSION })).headers.get("x-edge-cache")).not.toBe("HIT");
      expect((await get("/admin/sign-in")).headers.get("x-edge-cache")).not.toBe("HIT");
      expect((await get("/api/search?q=%E5%A4%87%E6%A1%88")).headers.get("x-edge-cache")).not.toBe("HIT");
      expect((await get("/q/dabing-baoxian-zenme-bao", { cookie: SESSION })).headers.get("x-edge-cache")).toBe("PASS");
    }
    const post = await fetch(`${edge.url}/api/search/click`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect(post.headers.get("x-edge-cache")).not.toBe("HIT");
    // A reader's cookie of another kind does not split the cache or bypass it.
    await get("/q/dabing-baoxian-zenme-bao");
    expect((await get("/q/dabing-baoxian-zenme-bao", { cookie: "theme=large" })).headers.get("x-edge-cache")).toBe("HIT");
  });

  it("refuses a ban that names no paths, and bans nothing", async () => {
    // (The purgers ACL cannot be tried from here: this test is on loopback, which the list allows.)
    await get("/q/dabing-baoxian-zenme-bao");
    expect((await fetch(edge.url, { method: "BAN" })).status).toBe(400);
    expect((await get("/q/dabing-baoxian-zenme-bao")).headers.get("x-edge-cache")).toBe("HIT");
  });
});

describe("a graceful stop", () => {
  it("of one of two web instances behind the edge, under load, fails 0 requests", { timeout: 5 * 60_000 }, async () => {
    const rt = runtime();
    const port = await freePort();
    const secret = (name: string) => readFileSync(join(dataDir, name), "utf8").trim();
    const second = spawn(process.execPath, [join(ROOT, "scripts/web-server.mjs"), "--port", String(port), "--drain-seconds", "5"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, DATABASE_URL: rt.databaseUrl, MEILI_URL: rt.meiliUrl, MEILI_MASTER_KEY: rt.meiliKey, DATA_DIR: dataDir, CONTENT_DIR: join(ROOT, "content"), BETTER_AUTH_SECRET: secret("auth-secret"), REVALIDATE_SECRET: secret("revalidate-secret"), NEXT_TELEMETRY_DISABLED: "1" },
    });
    const out: string[] = [];
    second.stdout!.on("data", (b: Buffer) => out.push(b.toString()));
    const exited = new Promise<number | null>((r) => second.once("exit", (c) => r(c)));
    await until("the second instance answers", () => fetch(`http://127.0.0.1:${port}/api/health/ready`).then((r) => r.ok, () => false), 120_000);
    const both = await startVarnish([{ host: "127.0.0.1", port: sitePort }, { host: "127.0.0.1", port }]);
    try {
      // Pages the edge does not keep (search is per request), so every request reaches an instance.
      const results: number[] = [];
      const end = Date.now() + 15_000;
      const stopAt = setTimeout(() => second.kill("SIGTERM"), 4000);
      await Promise.all(
        Array.from({ length: 4 }, async (_, w) => {
          for (let i = w; Date.now() < end; i++) {
            const r = await fetch(`${both.url}/search?q=${encodeURIComponent(["备案", "门诊", "生育", "大病"][i % 4]!)}`, { signal: AbortSignal.timeout(20_000) }).then((x) => x.status, () => 0);
            results.push(r);
          }
        }),
      );
      clearTimeout(stopAt);
      expect(await exited).toBe(0);
      expect(out.join("")).toContain("stopping: not ready");
      const failed = results.filter((s) => s === 0 || s >= 500);
      console.log(`stop under load: ${results.length} requests, ${failed.length} failed`);
      expect(results.length).toBeGreaterThan(20);
      expect(failed).toEqual([]);
    } finally {
      second.kill("SIGKILL");
      await both.stop();
    }
  });
});
