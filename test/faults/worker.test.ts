// The outbox worker under `npm start` (issue 26): it must never die silently. The stack is started five
// times with both cores saturated by a bounded CPU hog, and after each start an answer published through
// the domain verb must be searchable within 5 s; then the worker process is killed, and its Postgres
// connections are cut, and each time it must be back (a publish searchable) within 5 s, logged, with
// /api/health/ready saying meanwhile that no worker is seen. Reuses the end-to-end stage's site build.
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { publishAnswer } from "../../lib/articles/revisions.ts";
import { closeDb, getDb } from "../../lib/db/client.ts";
import { getIndex, getSearchClient } from "../../lib/search/client.ts";
import { freePort } from "../../lib/servers/free-port.ts";
import { alive } from "../../lib/servers/leftovers.ts";
import type { Runtime } from "../../lib/servers/stack.ts";
import { type Command, runScript, until } from "../support/process.ts";

const ROOT = join(import.meta.dirname, "../..");
const STARTS = 5;
let dataDir: string;
let port: number;
let site: Command | undefined;
const hogs: ChildProcess[] = [];
const runtime = () => JSON.parse(readFileSync(join(dataDir, "runtime.json"), "utf8")) as Runtime;

/** Both cores busy for at most `ms` (each hog ends on its own even if this process dies). */
function cpuHog(ms: number) {
  for (let i = 0; i < 2; i++) {
    hogs.push(spawn(process.execPath, ["-e", `const end = Date.now() + ${ms}; while (Date.now() < end) {}`], { stdio: "ignore" }));
  }
}
const stopHogs = () => {
  for (const h of hogs.splice(0)) h.kill("SIGKILL");
};

async function start() {
  site = runScript("start.ts", { DATA_DIR: dataDir, PORT: String(port), CONTENT_DIR: join(ROOT, "content") });
  await site.waitFor(/is running at/, 15 * 60_000);
}

async function stop() {
  if (!site) return;
  site.child.kill("SIGTERM");
  await site.exited;
  site = undefined;
}

/** Publishes a new answer with a word nobody wrote before; resolves with the ms until search finds it. */
async function publishAndFind(label: string, timeoutMs = 5000): Promise<number> {
  const db = getDb(runtime().databaseUrl);
  const article = await db.article.findFirstOrThrow({ where: { state: "published" }, select: { id: true, slug: true } });
  const advisor = await db.advisor.findFirstOrThrow({ select: { id: true } });
  // One Latin token: what is measured is the worker feeding Meilisearch, asked directly.
  const word = `probe${randomUUID().replace(/-/g, "")}`;
  const t0 = Date.now();
  await publishAnswer(db, { articleId: article.id, position: 1, advisorId: advisor.id, body: `故障测试（${label}）的新修订：${word}`, by: "faults" });
  const deadline = t0 + timeoutMs;
  while (Date.now() < deadline) {
    const r = await getIndex(getSearchClient(runtime().meiliUrl, runtime().meiliKey), "articles").search(word, { limit: 1 }).catch(() => ({ hits: [] as { slug: string }[] }));
    if (r.hits.some((h) => h.slug === article.slug)) return Date.now() - t0;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${label}: "${word}" not searchable within ${timeoutMs} ms of its publish`);
}

const ready = async () => (await fetch(`http://127.0.0.1:${port}/api/health/ready`)).json() as Promise<{ status: string; reasons: string[] }>;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "yibao-worker-faults-"));
  port = await freePort();
}, 60_000);

afterAll(async () => {
  stopHogs();
  const rt = (() => {
    try {
      return runtime();
    } catch {
      return null;
    }
  })();
  await stop();
  for (const pid of [rt?.postgresPid, rt?.meiliPid, rt?.webPid, rt?.workerPid]) if (pid && alive(pid)) process.kill(pid, "SIGKILL");
  await closeDb(rt?.databaseUrl);
  await rm(dataDir, { recursive: true, force: true });
}, 120_000);

it(`runs the worker after each of ${STARTS} starts beside a CPU hog, and a publish is searchable within 5 s`, { timeout: 40 * 60_000 }, async () => {
  const took: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    cpuHog(10 * 60_000);
    try {
      await start();
      await until("the worker runs", () => site!.lines.some((l) => /\[worker\] running/.test(l)), 120_000);
      took.push(await publishAndFind(`start ${i + 1}`));
    } finally {
      stopHogs();
    }
    expect(site!.lines.filter((l) => /worker stopped|stopped unexpectedly/.test(l))).toEqual([]);
    if (i < STARTS - 1) {
      await closeDb(runtime().databaseUrl);
      await stop();
    }
  }
  console.log(`publish → searchable after each start under a CPU hog: ${took.join(", ")} ms`);
});

it("comes back within 5 s when the worker process is killed, logged, and readiness says so meanwhile", { timeout: 5 * 60_000 }, async () => {
  if (!site) await start();
  await until("a worker heartbeat", async () => (await ready()).status === "ready", 60_000);
  const pid = runtime().workerPid!;
  process.kill(pid, "SIGKILL");
  await site!.waitFor(new RegExp(`the outbox worker \\(pid ${pid}\\) stopped unexpectedly`), 10_000);
  await site!.waitFor(/the outbox worker restarted/, 10_000);
  const ms = await publishAndFind("after kill -9", 5000);
  console.log(`publish → searchable right after the worker was killed: ${ms} ms`);
  // Readiness notices a worker that is gone for good: stop it from coming back (SIGSTOP keeps its pid,
  // so the supervisor does not restart it) and wait past the heartbeat limit.
  const again = runtime().workerPid!;
  process.kill(again, "SIGSTOP");
  try {
    await until("readiness reports the missing worker", async () => (await ready()).reasons.includes("worker_stale"), 60_000);
  } finally {
    process.kill(again, "SIGCONT");
  }
  await until("ready again", async () => (await ready()).status === "ready", 30_000);
});

it("keeps going when its Postgres connections are cut mid-run", { timeout: 5 * 60_000 }, async () => {
  if (!site) await start();
  const admin = new pg.Client({ connectionString: runtime().databaseUrl });
  await admin.connect();
  try {
    const worker = runtime().workerPid!;
    // Every connection but this one — the worker's listener, its locks and its pool (the web server's too).
    const cut = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    expect(cut.rowCount).toBeGreaterThan(2);
    await closeDb(runtime().databaseUrl); // this test's own pool was cut too
    const ms = await publishAndFind("after pg_terminate_backend", 5000);
    console.log(`publish → searchable after the worker's connections were cut: ${ms} ms`);
    expect(runtime().workerPid).toBe(worker);
  } finally {
    await admin.end();
  }
});
