// Applies the Prisma migrations in prisma/migrations without Prisma's native schema engine.
//
// Why: the Prisma 7 CLI downloads a native schema-engine binary from Prisma's own host for every migrate
// command, and that host is unreachable here (as in any air-gapped deployment). Prisma also publishes the
// same engine compiled to WebAssembly (@prisma/schema-engine-wasm), which talks to Postgres through the
// pg driver adapter. This module drives it. It keeps Prisma's own `_prisma_migrations` table, so
// `prisma migrate deploy` and `prisma migrate status` on a machine with Prisma's binaries sees the same history.
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const MIGRATIONS_DIR = join(ROOT, "prisma/migrations");
export const SCHEMA_FILE = join(ROOT, "prisma/schema.prisma");
const NO_FILTERS = { externalTables: [], externalEnums: [] };

type Engine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  diagnoseMigrationHistory(input: unknown): Promise<{ history: unknown; failedMigrationNames: string[]; editedMigrationNames: string[] }>;
  free(): void;
};

let wasmReady: Promise<{ SchemaEngine: { new: (o: unknown, cb: (log: string) => void, a: object) => Promise<Engine> } }> | undefined;

// The engine reports Rust panics through this global before throwing; keep the message for the error.
const panics = { message: "", set_message(m: string) { this.message = m; } };
(globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY = panics;

function loadWasm() {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    // The package's own entry imports the .wasm file as an ES module, which Node 20 cannot do; the glue
    // module plus a manual instantiate is the documented wasm-bindgen alternative.
    const bg = await import(pathToFileURL(join(dir, "schema_engine_bg.js")).href);
    const bytes = await readFile(join(dir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    return bg;
  })();
  return wasmReady;
}

/**
 * Discrete pg settings rather than a connection string: adapter-pg's shadow database overrides only
 * `database`, which a connection string would silently win over (the diff would then run on this database).
 */
function poolConfig(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
    ssl: u.searchParams.get("sslmode") === "require" ? { rejectUnauthorized: false } : undefined,
  };
}

type RawResult = { columnTypes: number[] };
type Queryable = {
  queryRaw: (q: unknown) => Promise<RawResult>;
  performIO: (q: unknown) => Promise<{ fields: { dataTypeID: number }[] }>;
  executeScript: (script: string) => Promise<void>;
  underlyingDriver: () => { query: (sql: string) => Promise<unknown> };
  onError: (e: unknown) => never;
};
const PG_CHAR_OID = 18;
/**
 * The engine's introspection reads catalog columns of Postgres's internal one-byte `"char"` type (OID 18,
 * e.g. pg_constraint.contype), which adapter-pg 7.10.1 refuses to map. The engine expects them as
 * single characters: report them as ColumnTypeEnum.Character. Raw queries on the adapter are run one at a
 * time so that each result's char columns belong to it (the engine issues them one at a time anyway).
 */
function readCharAsText<T extends object>(adapter: T): T {
  const a = adapter as unknown as Queryable;
  const io = a.performIO.bind(adapter);
  let charColumns: number[] = [];
  a.performIO = async (q) => {
    const result = await io(q);
    charColumns = [];
    result.fields.forEach((f, i) => {
      if (f.dataTypeID === PG_CHAR_OID) {
        charColumns.push(i);
        f.dataTypeID = 25; // text, so that the adapter's own mapping accepts it
      }
    });
    return result;
  };
  const query = a.queryRaw.bind(adapter);
  let queue: Promise<unknown> = Promise.resolve();
  a.queryRaw = (q) => {
    const run = queue.then(async () => {
      const result = await query(q);
      for (const i of charColumns) result.columnTypes[i] = ColumnTypeEnum.Character;
      return result;
    });
    queue = run.catch(() => {});
    return run;
  };
  // adapter-pg 7.10.1 splits a migration script at every ";", which cuts through comments, strings and
  // function bodies. Postgres runs a whole script sent as one simple query, as the native engine does.
  a.executeScript = async (script) => {
    try {
      await a.underlyingDriver().query(script);
    } catch (e) {
      a.onError(e);
    }
  };
  return adapter;
}

/**
 * adapter-pg 7.10.1 drops the shadow database before closing the pool connected to it, so the DROP fails
 * ("being accessed by other users") and leaks the database. Close first, then drop.
 */
class MigratePg extends PrismaPg {
  constructor(private readonly settings: ReturnType<typeof poolConfig>) {
    super(settings);
  }
  override async connect() {
    return readCharAsText(await super.connect());
  }
  override async connectToShadowDb() {
    const admin = await this.connect();
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = readCharAsText(await new PrismaPg({ ...this.settings, database }).connect());
    const close = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await close();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      await admin.dispose();
    };
    return shadow;
  }
}

async function withEngine<T>(url: string, fn: (engine: Engine, schema: string) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadWasm();
  const schema = await readFile(SCHEMA_FILE, "utf8");
  const factory = bindMigrationAwareSqlAdapterFactory(new MigratePg(poolConfig(url)));
  const engine = await SchemaEngine.new({ datamodels: [["schema.prisma", schema]] }, () => {}, factory);
  try {
    return await fn(engine, schema);
  } catch (e) {
    if (panics.message) {
      const message = `Prisma schema engine panicked: ${panics.message}`;
      panics.message = "";
      throw new Error(message, { cause: e });
    }
    throw e;
  } finally {
    engine.free();
  }
}

async function migrationList(dir = MIGRATIONS_DIR) {
  const names = existsSync(dir)
    ? (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const lockPath = join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? await readFile(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      names.map(async (name) => {
        const file = join(dir, name, "migration.sql");
        const content = existsSync(file)
          ? { tag: "ok" as const, value: await readFile(file, "utf8") }
          : { tag: "error" as const, value: `missing ${file}` };
        return { path: name, migrationFile: { path: "migration.sql", content } };
      }),
    ),
  };
}

/** `prisma migrate deploy`: applies pending migrations, returns their names. */
export async function migrateDeploy(url: string): Promise<string[]> {
  return withEngine(url, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: await migrationList(), filters: NO_FILTERS });
    return out.appliedMigrationNames;
  });
}

/** Like `prisma migrate status`: which migrations are pending, failed or edited after being applied. */
export async function migrationStatus(url: string) {
  return withEngine(url, async (engine) => {
    const d = await engine.diagnoseMigrationHistory({
      migrationsList: await migrationList(),
      optInToShadowDatabase: false,
      filters: NO_FILTERS,
    });
    return { history: d.history, failed: d.failedMigrationNames, edited: d.editedMigrationNames };
  });
}

/**
 * SQL that turns the schema produced by the existing migrations into prisma/schema.prisma — the body of
 * the next migration; empty when nothing changed. The engine replays the migrations in a shadow database
 * it creates (and drops) on the server behind `url`.
 */
export async function pendingSchemaSql(url: string): Promise<string> {
  const migrations = await migrationList();
  return withEngine(url, async (engine, schema) => {
    const out = await engine.diff({
      from: migrations.migrationDirectories.length ? { tag: "migrations", ...migrations } : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    const sql = out.stdout ?? "";
    return /^\s*(--.*\n?\s*)*$/.test(sql) ? "" : sql;
  });
}
