// npm test — unit, integration (real Postgres + Meilisearch started by the run), end-to-end (real
// Chromium against the site started by `npm start`) and the fault suite (servers and processes killed
// under load, hostile input to every API; it reuses the end-to-end stage's site build), in that order;
// stops at the first failing stage. `npm test -- faults` runs one stage.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const bin = (name: string) => join(import.meta.dirname, "../node_modules/.bin", name);
const e2eData = mkdtempSync(join(tmpdir(), "yibao-e2e-"));
const stages: [string, string, string[], Record<string, string>?][] = [
  ["unit", bin("vitest"), ["run", "--project", "unit"]],
  ["integration", bin("vitest"), ["run", "--project", "integration"]],
  ["e2e", bin("playwright"), ["test"], { E2E_DATA_DIR: e2eData }],
  ["faults", bin("vitest"), ["run", "--project", "faults"]],
];
const only = process.argv.slice(2);
let failed = 0;
// How long each stage took, printed at the end (BENCHMARKS.md records a run's figures).
const took: string[] = [];
try {
  for (const [name, cmd, args, extra] of stages) {
    if (only.length && !only.includes(name)) continue;
    console.log(`\n=== ${name} tests ===`);
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...extra, NEXT_TELEMETRY_DISABLED: "1" } });
    took.push(`${name} ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    if (r.status !== 0) {
      console.error(`\n${name} tests failed (exit ${r.status ?? r.signal})`);
      failed = 1;
      break;
    }
  }
} finally {
  rmSync(e2eData, { recursive: true, force: true });
  console.log(`\nnpm test stages: ${took.join(", ")}`);
}
process.exit(failed);
