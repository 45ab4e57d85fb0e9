// Supervision of the embedded servers, with real processes killed: a server that dies is restarted by
// the command that started it; servers left running by a command killed with -9 are found and stopped
// by the next start on the same DATA_DIR; the credentials are generated under DATA_DIR and the key is
// on no command line; everything listens on 127.0.0.1.
import { readFileSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { expect, it, onTestFinished } from "vitest";
import { alive } from "../../lib/servers/leftovers.ts";
import type { Runtime } from "../../lib/servers/stack.ts";
import { FIXTURE_CONTENT } from "../support/context.ts";
import { runScript, until } from "../support/process.ts";

async function query(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  c.on("error", () => {}); // a server going away fails the query; the event alone would end this process
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

const healthy = async (url: string) => {
  try {
    return (await fetch(`${url}/health`)).ok;
  } catch {
    return false;
  }
};

it("restarts a killed server, and the next start stops what a killed one left behind", { timeout: 300_000 }, async () => {
  const dataDir = await mkdtemp(join(tmpdir(), "yibao-supervise-"));
  const env = { DATA_DIR: dataDir, CONTENT_DIR: FIXTURE_CONTENT };
  const runtime = () => JSON.parse(readFileSync(join(dataDir, "runtime.json"), "utf8")) as Runtime;
  const pids: number[] = [];
  onTestFinished(async () => {
    for (const pid of pids) if (alive(pid)) process.kill(pid, "SIGKILL");
    await rm(dataDir, { recursive: true, force: true });
  });

  const first = runScript("worker.ts", env);
  pids.push(first.child.pid!);
  await first.waitFor(/\[worker\] running/);
  const rt = runtime();
  pids.push(rt.postgresPid!, rt.meiliPid!);

  // Credentials: generated under DATA_DIR, readable by this user only, the key on no command line.
  const key = readFileSync(join(dataDir, "meilisearch/master-key"), "utf8").trim();
  const password = readFileSync(join(dataDir, "postgres/postgres-password"), "utf8").trim();
  expect(key).toMatch(/^[0-9a-f]{64}$/);
  expect(password).toMatch(/^[0-9a-f]{64}$/);
  expect(statSync(join(dataDir, "meilisearch/master-key")).mode & 0o777).toBe(0o600);
  expect(statSync(join(dataDir, "postgres/postgres-password")).mode & 0o777).toBe(0o600);
  expect(readFileSync(`/proc/${rt.meiliPid}/cmdline`, "utf8")).not.toContain(key);
  expect(new URL(rt.databaseUrl).password).toBe(password);
  expect((await fetch(`${rt.meiliUrl}/indexes`)).status).toBe(401);
  // Bound to loopback only.
  expect(new URL(rt.meiliUrl).hostname).toBe("127.0.0.1");
  expect(await query(rt.databaseUrl, "SHOW listen_addresses")).toEqual([{ listen_addresses: "127.0.0.1" }]);

  // Meilisearch killed → restarted on the same address, with a line in the log.
  process.kill(rt.meiliPid!, "SIGKILL");
  await first.waitFor(/Meilisearch \(pid \d+\) stopped unexpectedly; restarting it/);
  await first.waitFor(/Meilisearch restarted \(pid \d+\)/);
  await until("Meilisearch answers again", () => healthy(rt.meiliUrl));
  await until("runtime.json has the new Meilisearch", () => runtime().meiliPid !== rt.meiliPid);

  // Postgres killed → restarted on the same address.
  process.kill(rt.postgresPid!, "SIGKILL");
  await first.waitFor(/PostgreSQL \(pid \d+\) stopped unexpectedly; restarting it/);
  await first.waitFor(/PostgreSQL restarted \(pid \d+\)/);
  expect(await query(rt.databaseUrl, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
  // The worker lived through it: its connections' errors were heard, and it listens for changes again.
  await first.waitFor(/notification connection lost/);
  await first.waitFor(/notification connection back/);
  expect(first.child.exitCode).toBeNull();
  const restarted = runtime();
  pids.push(restarted.postgresPid!, restarted.meiliPid!);
  expect(restarted.postgresPid).not.toBe(rt.postgresPid);

  // kill -9 of the command itself leaves both servers running…
  first.child.kill("SIGKILL");
  await first.exited;
  expect(alive(restarted.postgresPid!)).toBe(true);
  expect(alive(restarted.meiliPid!)).toBe(true);

  // …and the next start says so, stops them and starts afresh on the same data.
  const second = runScript("worker.ts", env);
  pids.push(second.child.pid!);
  await second.waitFor(new RegExp(`an earlier run \\(pid ${first.child.pid}\\) ended without stopping its servers; stopping them: PostgreSQL \\(pid ${restarted.postgresPid}\\), Meilisearch \\(pid ${restarted.meiliPid}\\)`));
  await second.waitFor(/\[worker\] running/);
  expect(alive(restarted.postgresPid!)).toBe(false);
  expect(alive(restarted.meiliPid!)).toBe(false);
  const fresh = runtime();
  pids.push(fresh.postgresPid!, fresh.meiliPid!);
  expect(await query(fresh.databaseUrl, "SELECT count(*)::int AS n FROM articles")).toHaveLength(1);

  // A clean stop stops everything and removes the record.
  second.child.kill("SIGTERM");
  await second.exited;
  await until("both servers stopped", () => !alive(fresh.postgresPid!) && !alive(fresh.meiliPid!), 20_000);
  expect(() => runtime()).toThrow();
});
