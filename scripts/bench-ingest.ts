// npm run bench:ingest -- --count N [--write]
// Full ingest of N synthetic articles into fresh embedded Postgres + Meilisearch, then an unchanged
// re-ingest, then one edit until it is searchable. --write records the figures in BENCHMARKS.md.
import { readFile, writeFile } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ingestContent } from "../lib/content/ingest.ts";
import { createProgress } from "../lib/cli/progress.ts";
import { loadSearchVocabulary } from "../lib/content/load.ts";
import { ensureIndex, getIndex, getSearchClient } from "../lib/search/client.ts";
import { recordBenchmark } from "./bench/record.ts";
import { benchServers, syntheticContent } from "./bench/setup.ts";

const { values } = parseArgs({ options: { count: { type: "string", default: "10000" }, write: { type: "boolean", default: false } } });
const n = Number(values.count);
const servers = await benchServers("ingest");
const { pg, meili } = servers;
const content = await syntheticContent(servers.root, n);
const client = getSearchClient(meili.url, meili.masterKey);
const { vocabulary } = await loadSearchVocabulary(content);
await ensureIndex(client, "articles", vocabulary);
const index = getIndex(client);
const progress = createProgress();
const run = () =>
  ingestContent({ contentDir: content, databaseUrl: pg.url, index, synonyms: vocabulary.synonyms, onProgress: (p) => progress.update(p.phase, p.done, p.total) });

try {
  let t = performance.now();
  const full = await run();
  progress.stop();
  if (full.errors.length) throw new Error(`bench corpus has errors: ${full.errors[0]?.message}`);
  const searchableS = (full.ms.read + full.ms.write + full.ms.index) / 1000;
  const stats = await index.getStats();
  const secs = (ms: number) => (ms / 1000).toFixed(1);
  console.log(`full ingest: ${n} articles searchable in ${searchableS.toFixed(1)} s = ${(n / searchableS).toFixed(0)} articles/s (read ${secs(full.ms.read)} s, write ${secs(full.ms.write)} s, index ${secs(full.ms.index)} s); related questions ${secs(full.ms.related)} s more; ${stats.numberOfDocuments} documents indexed`);

  t = performance.now();
  const again = await run();
  const againS = (performance.now() - t) / 1000;
  progress.stop();
  console.log(`unchanged re-ingest: ${againS.toFixed(2)} s (${again.unchanged} unchanged, ${again.added + again.updated} written; scan ${secs(again.ms.read)} s)`);

  // One edit: the time until search finds it (polled while ingest goes on to related questions).
  const file = join(content, "questions/bench/000/bench-7.md");
  await writeFile(file, (await readFile(file, "utf8")).replace("第7问", "第7问 基准测试独有词甲乙丙"));
  t = performance.now();
  const running = run();
  let editS = Number.NaN;
  for (;;) {
    const hit = await index.search("基准测试独有词甲乙丙");
    if (hit.hits[0]?.slug === "bench-7") {
      editS = (performance.now() - t) / 1000;
      break;
    }
    if (performance.now() - t > 120_000) throw new Error("edited article never became searchable");
    await new Promise((r) => setTimeout(r, 25));
  }
  const edit = await running;
  const editTotalS = (performance.now() - t) / 1000;
  progress.stop();
  console.log(`one edit → searchable: ${editS.toFixed(2)} s (whole run incl. related questions of its neighbours ${editTotalS.toFixed(2)} s, ${edit.relations.computed} recomputed)`);

  if (values.write) {
    await recordBenchmark("ingest", [
      `| articles | full ingest → searchable | articles/s | related questions (after) | unchanged re-ingest | one edit → searchable |`,
      `|---|---|---|---|---|---|`,
      `| ${n.toLocaleString("en")} | ${searchableS.toFixed(1)} s (read ${secs(full.ms.read)}, write ${secs(full.ms.write)}, index ${secs(full.ms.index)}) | ${(n / searchableS).toFixed(0)} | ${secs(full.ms.related)} s | ${againS.toFixed(2)} s | ${editS.toFixed(2)} s (run ends after ${editTotalS.toFixed(1)} s) |`,
      `| target (N = 100,000) | | ≥ 1,000 | | ≤ 15 s | ≤ 2 s |`,
    ], `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  }
} finally {
  await servers.stop();
}
process.exit(0);
