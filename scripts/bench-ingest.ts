// npm run bench:ingest -- --count N [--write]
// Full ingest of N synthetic articles into fresh embedded Postgres + Meilisearch, then an unchanged
// re-ingest, then one edit until it is searchable. --write records the figures in BENCHMARKS.md.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ingestContent } from "../lib/articles/ingest.ts";
import { closeDb, getDb } from "../lib/db/client.ts";
import { migrateDeploy } from "../lib/db/migrate.ts";
import { ensureIndex, getIndex, getSearchClient } from "../lib/search/client.ts";
import { startMeilisearch } from "../lib/servers/meilisearch.ts";
import { startEmbeddedPostgres } from "../lib/servers/postgres.ts";
import { createProgress } from "../lib/cli/progress.ts";
import { recordBenchmark } from "./bench/record.ts";
import { writeSyntheticCorpus } from "./bench/synthetic.ts";

const { values } = parseArgs({ options: { count: { type: "string", default: "10000" }, write: { type: "boolean", default: false } } });
const n = Number(values.count);
const root = await mkdtemp(join(tmpdir(), "yibao-bench-"));
const content = join(root, "content");
await cp("content/advisors", join(content, "advisors"), { recursive: true });
await cp("content/topics.yaml", join(content, "topics.yaml"));
const advisors = (await import("node:fs")).readdirSync("content/advisors").map((f) => f.replace(/\.yaml$/, ""));

console.log(`generating ${n} synthetic articles…`);
await writeSyntheticCorpus(content, n, advisors);
const pg = await startEmbeddedPostgres({ dir: join(root, "pg") });
const meili = await startMeilisearch({ dir: join(root, "meili") });
await migrateDeploy(pg.url);
const client = getSearchClient(meili.url, meili.masterKey);
await ensureIndex(client);
const db = getDb(pg.url);
const index = getIndex(client);
const progress = createProgress();
const run = () => ingestContent({ contentDir: content, db, index, onProgress: (p) => progress.update(p.phase, p.done, p.total) });

try {
  let t = performance.now();
  const full = await run();
  const fullS = (performance.now() - t) / 1000;
  progress.stop();
  if (full.errors.length) throw new Error(`bench corpus has errors: ${full.errors[0]?.message}`);
  const stats = await index.getStats();
  console.log(`full ingest: ${n} articles in ${fullS.toFixed(1)} s = ${(n / fullS).toFixed(0)} articles/s (read ${(full.ms.read / 1000).toFixed(1)} s, write ${(full.ms.write / 1000).toFixed(1)} s, index ${(full.ms.index / 1000).toFixed(1)} s); ${stats.numberOfDocuments} documents indexed`);

  t = performance.now();
  const again = await run();
  const againS = (performance.now() - t) / 1000;
  progress.stop();
  console.log(`unchanged re-ingest: ${againS.toFixed(2)} s (${again.unchanged} unchanged, ${again.added + again.updated} written)`);

  const file = join(content, "questions/bench/000/bench-7.md");
  await writeFile(file, (await readFile(file, "utf8")).replace("第7问", "第7问 基准测试独有词甲乙丙"));
  t = performance.now();
  await run();
  const hit = await index.search("基准测试独有词甲乙丙");
  const editS = (performance.now() - t) / 1000;
  progress.stop();
  if (hit.hits[0]?.id !== "bench-7") throw new Error("edited article is not searchable");
  console.log(`one edit → searchable: ${editS.toFixed(2)} s`);

  if (values.write) {
    await recordBenchmark("ingest", [
      `| articles | full ingest | articles/s | unchanged re-ingest | one edit → searchable |`,
      `|---|---|---|---|---|`,
      `| ${n.toLocaleString("en")} | ${fullS.toFixed(1)} s (read ${(full.ms.read / 1000).toFixed(1)}, write ${(full.ms.write / 1000).toFixed(1)}, index ${(full.ms.index / 1000).toFixed(1)}) | ${(n / fullS).toFixed(0)} | ${againS.toFixed(2)} s | ${editS.toFixed(2)} s |`,
      `| target (N = 100,000) | | ≥ 1,000 | ≤ 15 s | ≤ 2 s |`,
    ], `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  }
} finally {
  await closeDb(pg.url);
  await meili.stop();
  await pg.stop();
  await rm(root, { recursive: true, force: true });
}
process.exit(0);
