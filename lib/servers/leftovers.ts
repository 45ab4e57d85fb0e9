// Servers left running by a command that was killed (kill -9 of `npm start` leaves its Postgres,
// Meilisearch and web server behind, holding the data folders and ports). They are found by what only
// they can be — the postmaster.pid of our cluster, our Meilisearch database path on a command line, the
// web server's pid recorded in runtime.json and still a Next.js server — and stopped, never guessed.
import { existsSync, readdirSync, readFileSync } from "node:fs";

export type Leftover = { name: string; pid: number; signal: NodeJS.Signals };

function cmdline(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return null;
  }
}

/** Running (a zombie that nobody has reaped yet counts as gone). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

export function findLeftovers(o: { pgDataDir?: string; meiliDbPath?: string; webPid?: number; workerPid?: number }): Leftover[] {
  const found: Leftover[] = [];
  const pidFile = o.pgDataDir ? `${o.pgDataDir}/postmaster.pid` : null;
  if (pidFile && existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
    // SIGINT is Postgres's fast shutdown: clients are disconnected, the data is flushed.
    if (pid > 0 && alive(pid) && cmdline(pid)?.includes(o.pgDataDir!)) found.push({ name: "PostgreSQL", pid, signal: "SIGINT" });
  }
  if (o.meiliDbPath) {
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const cmd = cmdline(Number(entry));
      if (cmd?.includes("meilisearch") && cmd.includes(`--db-path ${o.meiliDbPath} `)) found.push({ name: "Meilisearch", pid: Number(entry), signal: "SIGTERM" });
    }
  }
  if (o.webPid && alive(o.webPid) && /next|web-server\.mjs/.test(cmdline(o.webPid) ?? "")) found.push({ name: "the web server", pid: o.webPid, signal: "SIGTERM" });
  if (o.workerPid && alive(o.workerPid) && /scripts\/worker\.ts/.test(cmdline(o.workerPid) ?? "")) found.push({ name: "the outbox worker", pid: o.workerPid, signal: "SIGTERM" });
  return found;
}

/** Asks each to stop, then kills what is still there after `graceMs`. */
export async function stopLeftovers(list: Leftover[], graceMs = 15_000) {
  for (const l of list) {
    try {
      process.kill(l.pid, l.signal);
    } catch {
      /* already gone */
    }
  }
  const deadline = Date.now() + graceMs;
  while (list.some((l) => alive(l.pid)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const l of list) if (alive(l.pid)) process.kill(l.pid, "SIGKILL");
  while (list.some((l) => alive(l.pid))) await new Promise((r) => setTimeout(r, 50));
}
