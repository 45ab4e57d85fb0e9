// The shipped edge cache (deploy/varnish/yibao.vcl, Debian's Varnish) in front of the site started by
// `npm start`: it serves cached question pages itself, a publish is visible through it within 2 s (the
// worker bans the pages after expiring them on the web server), and it never serves the authoring app,
// the API, a write or a signed-in reader's request from its cache. Reuses the end-to-end stage's build.
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
const runtime = () => JSON.parse(readFileSync(join(dataDir, "runtime.json"), "utf8")) as Runtime;
const get = (path: string, headers: Record<string, string> = {}) => fetch(edge.url + path, { headers, redirect: "manual" });
const SESSION = "better-auth.session_token=made-up.signature";

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "yibao-edge-"));
  const port = await freePort();
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

  it("refuses a ban from a client outside its list", async () => {
    // Loopback is on the list; what is checked here is that a ban needs its path header at all.
    expect((await fetch(edge.url, { method: "BAN" })).status).toBe(400);
  });
});
