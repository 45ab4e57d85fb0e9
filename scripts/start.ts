// npm start — one command from a fresh clone to a running site:
// servers (embedded unless DATABASE_URL / MEILI_URL are set) → migrations → ingest → build if needed →
// serve, with the outbox worker running beside the site as a supervised child process.
// Ctrl-C / SIGTERM stops everything this command started. Nothing here blocks the event loop (the build
// is an asynchronous child too): the supervisors must hear a server or the worker die at any moment.
import exitHook from "async-exit-hook";
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join, relative } from "node:path";
import { runIngest } from "../lib/content/run-ingest.ts";
import { closeDb } from "../lib/db/client.ts";
import { env as readEnv } from "../lib/env.ts";
import { spawnWorker } from "../lib/ops/worker-child.ts";
import { pageRevalidation } from "../lib/outbox/pages.ts";
import { SECRETS, storedSecret } from "../lib/secrets.mjs";
import { reachHost } from "../lib/servers/address.ts";
import { clearLeftovers, openStack, runningStack } from "../lib/servers/stack.ts";
import { supervise, type Supervised, type Server } from "../lib/servers/supervise.ts";
import { exitOnEnvError } from "./env-guard.ts";
import { API_PATHS } from "../lib/urls.ts";

const ROOT = join(import.meta.dirname, "..");
const NEXT_BIN = join(ROOT, "node_modules/next/dist/bin/next");
const BUILD_INPUTS = ["app", "components", "lib", "proxy.ts", "instrumentation.ts", "next.config.ts", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
const log = (m: string) => console.log(`[start] ${m}`);

const env = exitOnEnvError(readEnv);

// A port already taken (often a second `npm start`) is said at once, before anything is started — once
// what a killed earlier run left behind on this DATA_DIR (its web server holds the port) is stopped.
if (!runningStack(env)) await clearLeftovers(env, log);
if (!(await portFree(env.PORT, env.HOST))) {
  console.error(`[start] 端口 ${env.PORT} 已被占用（可能已有一个 npm start 在运行）；请先停止它，或用 PORT=… 换一个端口。\n[start] port ${env.PORT} on ${env.HOST} is in use (another npm start?); stop it or choose another with PORT=…`);
  process.exit(1);
}

let next: ChildProcess | undefined;
let build: ChildProcess | undefined;
let stopping = false;
let worker: Supervised<Server> | undefined;
const stack = await openStack(env, { log, supervise: true }).catch((e: Error) => {
  console.error(`[start] cannot start: ${e.message}`);
  process.exit(1);
});
exitHook((done) => {
  stopping = true;
  log("stopping…");
  const stopNext = next && next.exitCode === null
    ? new Promise<void>((r) => {
        next!.once("exit", () => r());
        next!.kill("SIGTERM");
        setTimeout(() => next!.kill("SIGKILL"), 5000).unref();
      })
    : Promise.resolve();
  build?.kill("SIGTERM");
  stopNext
    .then(() => worker?.stop())
    .then(() => closeDb(stack.databaseUrl))
    .then(() => stack.stop())
    .catch((e) => console.error(e))
    .finally(() => {
      log("stopped");
      done();
    });
});

// Sessions survive restarts and are valid on every instance only with one fixed secret: kept in DATA_DIR.
const authSecret = await storedSecret(env, "auth");
const pages = await pageRevalidation(env, log);
const childEnv = {
  ...process.env,
  [SECRETS.auth.variable]: authSecret,
  [SECRETS.revalidate.variable]: pages.secret,
  DATABASE_URL: stack.databaseUrl,
  MEILI_URL: stack.meiliUrl,
  MEILI_URLS: stack.meiliUrls.join(","),
  ...(stack.meiliKey ? { MEILI_MASTER_KEY: stack.meiliKey } : {}),
  CONTENT_DIR: env.contentDir,
  NEXT_TELEMETRY_DISABLED: "1",
};

try {
  const report = await runIngest({ contentDir: env.contentDir, databaseUrl: stack.databaseUrl, meiliUrls: stack.meiliUrls, meiliKey: stack.meiliKey, indexName: env.MEILI_INDEX, out: (l) => log(l) });
  if (report.errors.length) log(`content has ${report.errors.length} error(s) (listed above); the valid articles are being served`);
} catch (e) {
  log(`ingest failed: ${(e as Error).message}; serving what is already stored`);
}

// From here on every change (the web app, a later `npm run ingest`) reaches search through the worker.
if (!stopping) {
  const start = () => spawnWorker(childEnv, (line) => console.log(line));
  const first = await start();
  stack.record({ workerPid: first.pid });
  worker = supervise("the outbox worker", first, start, { log, onRestart: (w) => stack.record({ workerPid: w.pid }) });
}

const dev = process.argv.includes("--dev");
if (!dev) await buildIfNeeded();
if (stopping) process.exit(0);

// Production: Next's handler in scripts/web-server.mjs (a page failing for want of Postgres is a 503).
const webArgs = dev ? [NEXT_BIN, "dev", "-p", String(env.PORT), "-H", env.HOST] : [join(ROOT, "scripts/web-server.mjs"), "--port", String(env.PORT), "--hostname", env.HOST];
next = spawn(process.execPath, webArgs, { stdio: ["ignore", "pipe", "inherit"], env: childEnv, cwd: ROOT });
// A later start finds this server by its pid if this process is killed before it can stop it.
stack.record({ webPid: next.pid });
next.stdout!.on("data", (b: Buffer) => {
  for (const line of b.toString().split("\n")) if (line.trim() && !/^\s*(▲|-|✓ Starting)/.test(line)) console.log(`[next] ${line}`);
});
next.once("exit", (code) => {
  if (!stopping) {
    log(`the web server exited (code ${code})`);
    process.exit(code ?? 1);
  }
});
await waitForHttp(`http://${reachHost(env.HOST)}:${env.PORT}${API_PATHS.health}`);
console.log(`\n  医保问答 is running at http://localhost:${env.PORT}\n  (Ctrl-C to stop)\n`);

async function buildIfNeeded() {
  const stamp = join(ROOT, env.NEXT_DIST_DIR, "source-hash");
  const hash = await sourceHash();
  if (existsSync(join(ROOT, env.NEXT_DIST_DIR, "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash) {
    log("site build is up to date");
    return;
  }
  log("building the site (first run or sources changed; about a minute)…");
  build = spawn(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env: childEnv, cwd: ROOT });
  const code = await new Promise<number | null>((r) => build!.once("exit", (c) => r(c)));
  build = undefined;
  if (stopping) return;
  if (code !== 0) {
    log("next build failed");
    process.exit(1);
  }
  writeFileSync(stamp, hash);
}

async function sourceHash() {
  const h = createHash("sha256");
  for (const input of BUILD_INPUTS) {
    const abs = join(ROOT, input);
    if (!existsSync(abs)) continue;
    const files = input.includes(".")
      ? [abs]
      : (await readdir(abs, { recursive: true, withFileTypes: true }))
          .filter((e) => e.isFile() && !e.parentPath.includes("generated") && !e.name.endsWith(".test.ts"))
          .map((e) => join(e.parentPath, e.name))
          .sort();
    for (const f of files) h.update(relative(ROOT, f)).update(await readFile(f));
  }
  return h.digest("hex");
}

function portFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

async function waitForHttp(url: string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && !stopping) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
