// Postgres + Meilisearch for this process: the servers named by DATABASE_URL / MEILI_URL, or embedded
// ones under DATA_DIR. While `npm start` runs, it records its servers in DATA_DIR/runtime.json so that
// `npm run ingest` in another terminal uses them instead of starting a second pair on the same data.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Env } from "../env.ts";
import { migrateDeploy } from "../db/migrate.ts";
import { startMeilisearch } from "./meilisearch.ts";
import { startEmbeddedPostgres } from "./postgres.ts";

export type Stack = {
  databaseUrl: string;
  meiliUrl: string;
  meiliKey: string | undefined;
  embedded: { postgres: boolean; meilisearch: boolean };
  appliedMigrations: string[];
  stop: () => Promise<void>;
};

type Runtime = { pid: number; databaseUrl: string; meiliUrl: string; meiliKey?: string };

function runtimeFile(env: Env) {
  return join(env.dataDir, "runtime.json");
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The servers of a running `npm start` on the same DATA_DIR, if any. */
export function runningStack(env: Env): Runtime | null {
  const file = runtimeFile(env);
  if (!existsSync(file)) return null;
  try {
    const rt = JSON.parse(readFileSync(file, "utf8")) as Runtime;
    return alive(rt.pid) ? rt : null;
  } catch {
    return null;
  }
}

export async function openStack(
  env: Env,
  opts: { log?: (m: string) => void; publish?: boolean; search?: boolean } = {},
): Promise<Stack> {
  const log = opts.log ?? (() => {});
  const shared = !env.DATABASE_URL && !env.MEILI_URL ? runningStack(env) : null;
  if (shared) {
    log(`using the servers of the running npm start (pid ${shared.pid})`);
    return {
      databaseUrl: shared.databaseUrl,
      meiliUrl: shared.meiliUrl,
      meiliKey: shared.meiliKey,
      embedded: { postgres: false, meilisearch: false },
      appliedMigrations: [],
      stop: async () => {},
    };
  }

  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => {});
    stops.length = 0;
  };
  try {
    let databaseUrl = env.DATABASE_URL;
    if (!databaseUrl) {
      log(`starting embedded PostgreSQL (data in ${join(env.dataDir, "postgres")})`);
      const pg = await startEmbeddedPostgres({ dir: join(env.dataDir, "postgres") });
      stops.push(pg.stop);
      databaseUrl = pg.url;
    }
    let meiliUrl = env.MEILI_URL;
    let meiliKey = env.MEILI_MASTER_KEY;
    if (!meiliUrl && opts.search !== false) {
      log(`starting embedded Meilisearch (data in ${join(env.dataDir, "meilisearch")})`);
      const m = await startMeilisearch({ dir: join(env.dataDir, "meilisearch") });
      stops.push(m.stop);
      meiliUrl = m.url;
      meiliKey = m.masterKey;
    }
    const appliedMigrations = await migrateDeploy(databaseUrl);
    if (appliedMigrations.length) log(`applied migrations: ${appliedMigrations.join(", ")}`);

    if (opts.publish && (!env.DATABASE_URL || !env.MEILI_URL)) {
      const file = runtimeFile(env);
      writeFileSync(file, JSON.stringify({ pid: process.pid, databaseUrl, meiliUrl: meiliUrl ?? "", meiliKey } satisfies Runtime), { mode: 0o600 });
      stops.unshift(async () => rmSync(file, { force: true }));
    }
    return {
      databaseUrl,
      meiliUrl: meiliUrl ?? "",
      meiliKey,
      embedded: { postgres: !env.DATABASE_URL, meilisearch: !env.MEILI_URL && opts.search !== false },
      appliedMigrations,
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
