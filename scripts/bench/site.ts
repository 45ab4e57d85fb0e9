// The site as `npm start` serves it, started by a benchmark against its own Postgres and Meilisearch
// (benchServers), on a free port; resolves once it answers.
import { type ChildProcess, spawn } from "node:child_process";
import { freePort } from "../../lib/servers/free-port.ts";

export type BenchSite = { base: string; port: number; stop: () => Promise<void> };

export async function startSite(env: Record<string, string>): Promise<BenchSite> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (b: Buffer) => b.toString().includes("is running at") && resolve());
    child.once("exit", (c) => reject(new Error(`site exited with ${c}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
