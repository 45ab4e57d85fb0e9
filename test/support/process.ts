// A command of the project run as its own process, as an operator runs it, with its output collected so
// that a test can wait for a line.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { alive } from "../../lib/servers/leftovers.ts";
import type { Runtime } from "../../lib/servers/stack.ts";

const ROOT = join(import.meta.dirname, "../..");
// Settings of the test run that must not leak into a command that is meant to start its own servers.
const OURS = ["DATABASE_URL", "DATABASE_REPLICA_URL", "MEILI_URL", "MEILI_URLS", "MEILI_MASTER_KEY", "MEILI_INDEX", "DATA_DIR", "CONTENT_DIR", "PORT", "HOST"];

export type Command = {
  child: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<string>;
};

export function runScript(script: string, env: Record<string, string>, args: string[] = []): Command {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !OURS.includes(k)));
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", join(ROOT, "scripts", script), ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...base, CI: "1", NEXT_TELEMETRY_DISABLED: "1", ...env } as unknown as NodeJS.ProcessEnv,
  });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  const onData = (b: Buffer) => {
    for (const l of b.toString().split("\n")) if (l.trim()) lines.push(l);
    for (const w of waiters) w();
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  const waitFor = (pattern: RegExp, timeoutMs = 90_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const hit = lines.find((l) => pattern.test(l));
        if (hit) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit);
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms; output:\n${lines.slice(-40).join("\n")}`));
      }, timeoutMs);
      waiters.add(check);
      void exited.then((code) => {
        if (waiters.has(check)) {
          check();
          if (waiters.has(check)) {
            waiters.delete(check);
            clearTimeout(timer);
            reject(new Error(`exited (${code}) before a line matching ${pattern}; output:\n${lines.slice(-40).join("\n")}`));
          }
        }
      });
      check();
    });
  return { child, lines, exited, waitFor };
}

export async function until(what: string, ok: () => boolean | Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** What a running `npm start` on `dataDir` recorded about its servers (null before it has). */
export function startedRuntime(dataDir: string): Runtime | null {
  try {
    return JSON.parse(readFileSync(join(dataDir, "runtime.json"), "utf8")) as Runtime;
  } catch {
    return null;
  }
}

/** Stops a test's `npm start`, then any server it left running (it may have been killed), and removes its data. */
export async function stopStarted(site: Command, dataDir: string) {
  const rt = startedRuntime(dataDir);
  site.child.kill("SIGTERM");
  await site.exited;
  for (const pid of [rt?.postgresPid, rt?.meiliPid, rt?.webPid]) if (pid && alive(pid)) process.kill(pid, "SIGKILL");
  await rm(dataDir, { recursive: true, force: true });
}
