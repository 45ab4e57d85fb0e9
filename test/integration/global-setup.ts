// Starts one real Postgres and one real Meilisearch for the integration tests (ephemeral data dirs,
// random free ports) and applies the migrations.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateDeploy } from "../../lib/db/migrate.ts";
import { startMeilisearch } from "../../lib/servers/meilisearch.ts";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    meiliUrl: string;
    meiliKey: string;
    meiliDir: string;
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), "yibao-it-"));
  const pgProc = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "../support/postgres-server.ts"), join(root, "pg")], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: pgProc.stdout! }).once("line", resolve);
    pgProc.once("exit", (c) => reject(new Error(`test Postgres exited with ${c}`)));
  });
  const { url } = JSON.parse(line) as { url: string };
  const meiliDir = join(root, "meili");
  const meili = await startMeilisearch({ dir: meiliDir });
  await migrateDeploy(url);
  // Every test database is a copy of this migrated one: CREATE DATABASE … TEMPLATE takes milliseconds.
  const template = "yibao_template";
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  const templateUrl = new URL(url);
  templateUrl.pathname = `/${template}`;
  await migrateDeploy(templateUrl.toString());
  // The migration engine's pool lingers until its idle timeout; a template must have no connections.
  const closer = new pg.Client({ connectionString: url });
  await closer.connect();
  await closer.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [template]);
  await closer.end();

  project.provide("databaseUrl", url);
  project.provide("templateDatabase", template);
  project.provide("meiliUrl", meili.url);
  project.provide("meiliKey", meili.masterKey);
  project.provide("meiliDir", meiliDir);

  return async () => {
    await meili.stop();
    const exited = new Promise((r) => pgProc.once("exit", r));
    pgProc.stdin!.end();
    await exited;
    rmSync(root, { recursive: true, force: true });
  };
}
