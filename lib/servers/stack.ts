// Postgres + Meilisearch for this process: the servers named by DATABASE_URL / MEILI_URL(S), or embedded
// ones under DATA_DIR. A command that starts embedded servers records them in DATA_DIR/runtime.json so
// that `npm run ingest` in another terminal uses them instead of starting a second pair on the same
// data (or, for a command that needs no search, only the Postgres); a long-running one (`npm start`, `npm run worker`) also restarts an embedded server that dies.
// Servers left behind by a command that was killed are found and stopped before new ones start.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Env } from "../env.ts";
import { migrateDeploy } from "../db/migrate.ts";
import { alive, findLeftovers, stopLeftovers } from "./leftovers.ts";
import { meiliDbPath, startMeilisearch } from "./meilisearch.ts";
import { pgDataDir, startEmbeddedPostgres } from "./postgres.ts";
import { supervise } from "./supervise.ts";

export type Stack = {
  databaseUrl: string;
  meiliUrl: string;
  /** Every Meilisearch instance (MEILI_URLS, or the one above). */
  meiliUrls: string[];
  meiliKey: string | undefined;
  embedded: { postgres: boolean; meilisearch: boolean };
  appliedMigrations: string[];
  /** Adds to what runtime.json records (the web server's pid, so that a later start can find it). */
  record: (extra: Partial<Runtime>) => void;
  stop: () => Promise<void>;
};

export type Runtime = {
  pid: number;
  databaseUrl: string;
  meiliUrl: string;
  meiliKey?: string;
  postgresPid?: number;
  meiliPid?: number;
  webPid?: number;
  workerPid?: number;
};

const runtimeFile = (env: Env) => join(env.dataDir, "runtime.json");
const postgresDir = (env: Env) => join(env.dataDir, "postgres");
const meiliDir = (env: Env) => join(env.dataDir, "meilisearch");

function readRuntime(env: Env): Runtime | null {
  try {
    return JSON.parse(readFileSync(runtimeFile(env), "utf8")) as Runtime;
  } catch {
    return null;
  }
}

/** The servers of a running `npm start` on the same DATA_DIR, if any. */
export function runningStack(env: Env): Runtime | null {
  const rt = readRuntime(env);
  return rt && alive(rt.pid) ? rt : null;
}

/** Stops what an earlier command on this DATA_DIR left running when it was killed; says so. */
export async function clearLeftovers(env: Env, log: (m: string) => void) {
  const rt = existsSync(runtimeFile(env)) ? readRuntime(env) : null;
  const left = findLeftovers({
    pgDataDir: env.DATABASE_URL ? undefined : pgDataDir(postgresDir(env)),
    meiliDbPath: env.meiliUrls.length ? undefined : meiliDbPath(meiliDir(env)),
    webPid: rt?.webPid,
    workerPid: rt?.workerPid,
  });
  if (!left.length) return;
  const who = rt ? `an earlier run (pid ${rt.pid}) ended without stopping its servers` : `servers from an earlier run are still running on ${env.dataDir}`;
  log(`${who}; stopping them: ${left.map((l) => `${l.name} (pid ${l.pid})`).join(", ")}`);
  await stopLeftovers(left);
  rmSync(runtimeFile(env), { force: true });
  log("stopped them; starting afresh");
}

export async function openStack(
  env: Env,
  opts: { log?: (m: string) => void; search?: boolean; supervise?: boolean; /** false: the caller knows they are applied. */ migrate?: boolean } = {},
): Promise<Stack> {
  const log = opts.log ?? (() => {});
  const shared = !env.DATABASE_URL && !env.meiliUrls.length ? runningStack(env) : null;
  if (shared && !shared.meiliUrl && opts.search !== false) {
    throw new Error(`${env.dataDir} is in use by a command that started only PostgreSQL (pid ${shared.pid}); run this again when it has finished`);
  }
  if (shared) {
    log(`using the servers of the running npm start (pid ${shared.pid})`);
    return {
      databaseUrl: shared.databaseUrl,
      meiliUrl: shared.meiliUrl,
      meiliUrls: shared.meiliUrl ? [shared.meiliUrl] : [],
      meiliKey: shared.meiliKey,
      embedded: { postgres: false, meilisearch: false },
      appliedMigrations: [],
      record: () => {},
      stop: async () => {},
    };
  }
  const embedPostgres = !env.DATABASE_URL;
  const embedMeili = !env.meiliUrls.length && opts.search !== false;
  if (embedPostgres || embedMeili) await clearLeftovers(env, log);

  let runtime: Runtime | null = null;
  const writeRuntime = () => {
    if (!runtime) return;
    // Whole or not at all: another command (or a test) may read it at any moment.
    const tmp = `${runtimeFile(env)}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(runtime), { mode: 0o600 });
    renameSync(tmp, runtimeFile(env));
  };
  const stops: (() => Promise<void>)[] = [];
  // One stop for everyone who asks (the exit hook and the command's own end may both).
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      for (const s of stops.reverse()) await s().catch(() => {});
      stops.length = 0;
    })());
  try {
    let databaseUrl = env.DATABASE_URL;
    let postgresPid: number | undefined;
    if (embedPostgres) {
      log(`starting embedded PostgreSQL (data in ${postgresDir(env)})`);
      const start = (port?: number) => startEmbeddedPostgres({ dir: postgresDir(env), port, host: env.HOST });
      const pg = await start();
      databaseUrl = pg.url;
      postgresPid = pg.pid;
      if (opts.supervise) {
        const s = supervise("PostgreSQL", pg, () => start(pg.port), { log, onRestart: (p) => runtime && ((runtime.postgresPid = p.pid), writeRuntime()) });
        stops.push(s.stop);
      } else stops.push(pg.stop);
    }
    let meiliUrl = env.meiliUrls[0];
    let meiliKey = env.MEILI_MASTER_KEY;
    let meiliPid: number | undefined;
    if (embedMeili) {
      log(`starting embedded Meilisearch (data in ${meiliDir(env)})`);
      const start = (port?: number) => startMeilisearch({ dir: meiliDir(env), port, host: env.HOST });
      const m = await start();
      meiliUrl = m.url;
      meiliKey = m.masterKey;
      meiliPid = m.process.pid;
      const server = { pid: m.process.pid, exited: m.exited, stop: m.stop };
      if (opts.supervise) {
        const s = supervise("Meilisearch", server, async () => {
          const again = await start(m.port);
          return { pid: again.process.pid, exited: again.exited, stop: again.stop };
        }, { log, onRestart: (x) => runtime && ((runtime.meiliPid = x.pid), writeRuntime()) });
        stops.push(s.stop);
      } else stops.push(m.stop);
    }
    // Written before anything else can fail, so that a crash from here on leaves a record of the servers.
    if (embedPostgres || embedMeili) {
      runtime = { pid: process.pid, databaseUrl: databaseUrl!, meiliUrl: meiliUrl ?? "", meiliKey, postgresPid, meiliPid };
      writeRuntime();
      stops.unshift(async () => rmSync(runtimeFile(env), { force: true }));
    }
    const appliedMigrations = opts.migrate === false ? [] : await migrateDeploy(databaseUrl!);
    if (appliedMigrations.length) log(`applied migrations: ${appliedMigrations.join(", ")}`);
    return {
      databaseUrl: databaseUrl!,
      meiliUrl: meiliUrl ?? "",
      meiliUrls: embedMeili ? [meiliUrl!] : env.meiliUrls,
      meiliKey,
      embedded: { postgres: embedPostgres, meilisearch: embedMeili },
      appliedMigrations,
      record: (extra) => {
        if (!runtime) return;
        Object.assign(runtime, extra);
        writeRuntime();
      },
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
