// npm run bench:publish [-- --count N --tries 20 --write]
// Publish → searchable: an answer published through the domain verb (as the web app will), with the
// outbox worker running as its own process (as `npm run worker`), timed until a search finds it. Beside
// it, in the same run, the floor: the same kind of document sent to Meilisearch directly and searched.
// The corpus is the shipped content plus N synthetic articles.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { cp } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { publishAnswer } from "../lib/articles/revisions.ts";
import { ingestContent } from "../lib/content/ingest.ts";
import { loadSearchVocabulary } from "../lib/content/load.ts";
import { getDb } from "../lib/db/client.ts";
import { ensureIndex, getIndex, getSearchClient } from "../lib/search/client.ts";
import { percentile } from "./bench/metrics.ts";
import { recordBenchmark } from "./bench/record.ts";
import { benchServers, syntheticContent } from "./bench/setup.ts";

const { values } = parseArgs({ options: { count: { type: "string", default: "0" }, tries: { type: "string", default: "20" }, write: { type: "boolean", default: false } } });
const N = Number(values.count);
const TRIES = Number(values.tries);
const servers = await benchServers("publish");
const { pg, meili } = servers;
const content = await syntheticContent(servers.root, N);
await cp("content/questions", join(content, "questions/shipped"), { recursive: true });
const client = getSearchClient(meili.url, meili.masterKey);
const { vocabulary } = await loadSearchVocabulary(content);
await ensureIndex(client, "articles", vocabulary);
await ensureIndex(client, "floor", vocabulary);
const index = getIndex(client, "articles");
const floor = client.index("floor");
const db = getDb(pg.url);

async function visible(ix: { search: (q: string, o: { limit: number }) => Promise<{ hits: unknown[] }> }, word: string, started: number): Promise<number> {
  for (;;) {
    if ((await ix.search(word, { limit: 1 })).hits.length) return performance.now() - started;
    if (performance.now() - started > 60_000) throw new Error(`"${word}" never became searchable`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

let worker: ReturnType<typeof spawn> | undefined;
try {
  console.log(`ingesting ${N} synthetic articles and the shipped content…`);
  const ingest = await ingestContent({ contentDir: content, databaseUrl: pg.url, index, synonyms: vocabulary.synonyms });
  if (ingest.errors.length) throw new Error(`corpus has errors: ${ingest.errors[0]?.message}`);
  worker = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, DATABASE_URL: pg.url, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, MEILI_INDEX: "articles", CONTENT_DIR: content },
  });
  // The worker's start-up is not part of a publish: wait until it says it runs.
  await new Promise<void>((resolve, reject) => {
    worker!.stdout!.on("data", (b: Buffer) => {
      process.stdout.write(b);
      if (b.toString().includes("running")) resolve();
    });
    worker!.once("exit", (c) => reject(new Error(`worker exited with ${c}`)));
  });

  const articles = await db.article.findMany({ where: { origin: "file" }, select: { id: true }, take: TRIES, orderBy: { slug: "asc" } });
  const advisor = (await db.advisor.findFirstOrThrow()).id;
  const ours: number[] = [];
  const raw: number[] = [];
  // One publish first, not counted: the worker's first pass checks the index once.
  await publishAnswer(db, { articleId: articles[0]!.id, position: 1, advisorId: advisor, body: "基准测试预热", by: "bench" });
  await visible(index, "基准测试预热", performance.now());
  for (let i = 0; i < TRIES; i++) {
    const word = `基准发布${i}甲${randomUUID().slice(0, 4)}`;
    let t = performance.now();
    await publishAnswer(db, { articleId: articles[i % articles.length]!.id, position: 1, advisorId: advisor, body: `基准测试的新修订：${word}`, by: "bench" });
    ours.push(await visible(index, word, t));
    const floorWord = `直接写入${i}乙${randomUUID().slice(0, 4)}`;
    t = performance.now();
    await floor.addDocuments([{ id: randomUUID(), slug: `floor-${i}`, title: floorWord, answers: floorWord }]);
    raw.push(await visible(floor, floorWord, t));
    console.log(`try ${i + 1}: publish → searchable ${ours.at(-1)!.toFixed(0)} ms; direct to Meilisearch ${raw.at(-1)!.toFixed(0)} ms`);
  }
  const fmt = (xs: number[]) => `p50 ${percentile(xs, 50).toFixed(0)} ms, p95 ${percentile(xs, 95).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms`;
  console.log(`publish → searchable (${TRIES} tries, ${ingest.files} articles): ${fmt(ours)}\ndirect to Meilisearch: ${fmt(raw)}`);
  if (values.write) {
    await recordBenchmark(`publish${N ? `-${N}` : ""}`, [
      `Corpus: ${ingest.files.toLocaleString("en")} articles. ${TRIES} tries, sequential; the worker runs as its own process.`,
      "",
      "| path | p50 | p95 | max |",
      "|---|---|---|---|",
      `| publishAnswer → outbox → worker → Meilisearch → found by search | ${percentile(ours, 50).toFixed(0)} ms | ${percentile(ours, 95).toFixed(0)} ms | ${Math.max(...ours).toFixed(0)} ms |`,
      `| baseline: document sent to Meilisearch directly → found by search | ${percentile(raw, 50).toFixed(0)} ms | ${percentile(raw, 95).toFixed(0)} ms | ${Math.max(...raw).toFixed(0)} ms |`,
      "| target | | ≤ 2,000 ms | |",
    ], `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  }
} finally {
  worker?.kill("SIGTERM");
  await servers.stop();
}
process.exit(0);
