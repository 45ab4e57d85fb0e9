// The outbox worker as a child process of `npm start`, so that it is supervised like the databases
// (lib/servers/supervise.ts): killed, crashed or wedged on a dead connection, it is started again.
import { spawn } from "node:child_process";
import { join } from "node:path";
import type { Server } from "../servers/supervise.ts";

const ROOT = join(import.meta.dirname, "../..");
const STOP_GRACE_MS = 10_000;

export async function spawnWorker(env: NodeJS.ProcessEnv, print: (line: string) => void): Promise<Server> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", join(ROOT, "scripts/worker.ts"), "--no-migrate"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const relay = (b: Buffer) => {
    for (const line of b.toString().split("\n")) if (line.trim()) print(line);
  };
  child.stdout!.on("data", relay);
  child.stderr!.on("data", relay);
  await new Promise<void>((resolve, reject) => {
    child.once("spawn", resolve);
    child.once("error", reject);
  });
  return {
    pid: child.pid,
    exited,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}
