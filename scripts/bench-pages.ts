// npm run bench:pages [-- --duration 10 --connections 50 --write]
// Requests/s and latency of a question page and a landing page served from the page cache, side by side
// with a static file from the same server and with the same pages rendered per request (asked for with
// x-prerender-revalidate: the way every page was served before the cache). Then how long a published
// answer takes to appear on its question page and its landing page.
import autocannon from "autocannon";
import { readFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createArticle, publishAnswer } from "../lib/articles/revisions.ts";
import { ingestContent } from "../lib/content/ingest.ts";
import { loadSearchVocabulary } from "../lib/content/load.ts";
import { closeDb, getDb } from "../lib/db/client.ts";
import { env } from "../lib/env.ts";
import { ensureIndex, getIndex, getSearchClient } from "../lib/search/client.ts";
import { percentile } from "./bench/metrics.ts";
import { recordBenchmark } from "./bench/record.ts";
import { benchServers } from "./bench/setup.ts";
import { type BenchSite, startSite } from "./bench/site.ts";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
    publishes: { type: "string", default: "10" },
    write: { type: "boolean", default: false },
  },
});
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const QUESTION = "/q/jumin-yibao-keyi-yidi-jiuyi-ma";
const LANDING = "/regions/520500";

const servers = await benchServers("pages");
const { pg, meili } = servers;
let site: BenchSite | undefined;

type Row = { label: string; rps: number; p50: number; p975: number; p99: number; errors: number };

async function load(label: string, base: string, path: string, headers: Record<string, string> = {}): Promise<Row> {
  const r = await autocannon({ url: base + path, connections: CONNECTIONS, duration: DURATION, headers });
  const row = { label, rps: r.requests.average, p50: r.latency.p50, p975: r.latency.p97_5, p99: r.latency.p99, errors: r.errors + r.non2xx };
  console.log(`${label}: ${row.rps.toFixed(0)} req/s, p50 ${row.p50} ms, p97.5 ${row.p975} ms, p99 ${row.p99} ms, ${row.errors} errors`);
  return row;
}

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<number> {
  const t = performance.now();
  while (performance.now() - t < timeoutMs) {
    if (await check()) return performance.now() - t;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("the change did not appear within 10 s");
}

try {
  const client = getSearchClient(meili.url, meili.masterKey);
  const { vocabulary } = await loadSearchVocabulary("content");
  await ensureIndex(client, "articles", vocabulary);
  await ingestContent({ contentDir: "content", databaseUrl: pg.url, index: getIndex(client), synonyms: vocabulary.synonyms });
  await closeDb(pg.url);

  site = await startSite({ DATABASE_URL: pg.url, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, CONTENT_DIR: "content", DATA_DIR: join(servers.root, "data") });
  const { base } = site;

  const html = await (await fetch(base + QUESTION)).text();
  const chunk = /\/_next\/static\/chunks\/[^"]+\.js/.exec(html)?.[0];
  if (!chunk) throw new Error("no static chunk found in the question page");
  // Next renders a cached page afresh for a request carrying this build's preview id in
  // x-prerender-revalidate (how on-demand revalidation asks for it): the page rendered per request, as
  // every page was before the cache. (The draft-mode cookie no longer bypasses the cache here once the
  // proxy stopped running on these paths.)
  const previewId = (JSON.parse(readFileSync(join(env().NEXT_DIST_DIR, "prerender-manifest.json"), "utf8")) as { preview: { previewModeId: string } }).preview.previewModeId;
  const perRequest = { "x-prerender-revalidate": previewId };
  for (const p of [QUESTION, LANDING]) {
    await fetch(base + p).then((r) => r.text());
    const cached = (await fetch(base + p)).headers.get("x-nextjs-cache");
    const bypass = (await fetch(base + p, { headers: perRequest })).headers.get("x-nextjs-cache");
    console.log(`${p}: cache ${cached}; asked to render ${bypass ?? "no cache header (rendered)"}`);
    if (bypass === "HIT") throw new Error("the per-request baseline was served from the cache");
  }

  const rows = [
    await load("static file (a Next.js chunk)", base, chunk),
    await load("question page, cached", base, QUESTION),
    await load("landing page, cached", base, LANDING),
    await load("question page, rendered per request", base, QUESTION, perRequest),
    await load("landing page, rendered per request", base, LANDING, perRequest),
  ];

  // Publish → visible: an unanswered question in 毕节, its pages cached, then an answer published the
  // way the authoring app publishes it; time until the question page and the 毕节 page show it.
  const db = getDb(pg.url);
  const onQuestion: number[] = [];
  const onLanding: number[] = [];
  for (let i = 0; i < Number(values.publishes); i++) {
    const slug = `bench-publish-${Date.now().toString(36)}-${i}`;
    const word = `基准刷新${i}${Date.now().toString(36)}`;
    const { id: articleId } = await createArticle(db, {
      by: "bench",
      article: { slug, title: `毕节门诊统筹报销材料基准问题（${slug}）`, region: "520500", insurance: ["resident"], topics: ["门诊统筹"], year: 2025, published: "2026-12-01", status: "unanswered", related: [], citations: [], answers: [] },
    });
    await until(async () => (await (await fetch(base + LANDING)).text()).includes(slug));
    await fetch(base + `/q/${slug}`).then((r) => r.text());
    await publishAnswer(db, { articleId, advisorId: "wang-lin", body: `带上医保电子凭证即可。${word}`, by: "bench" });
    const t = performance.now();
    onQuestion.push(await until(async () => (await (await fetch(base + `/q/${slug}`)).text()).includes(word)));
    await until(async () => {
      const page = await (await fetch(base + LANDING)).text();
      const at = page.indexOf(`href="/q/${slug}"`);
      return at >= 0 && page.slice(at, page.indexOf("</li>", at)).includes("位顾问解答");
    });
    onLanding.push(performance.now() - t);
  }
  await closeDb(pg.url);
  onQuestion.sort((a, b) => a - b);
  onLanding.sort((a, b) => a - b);
  console.log(`publish → question page: p50 ${percentile(onQuestion, 50).toFixed(0)} ms, max ${onQuestion.at(-1)!.toFixed(0)} ms`);
  console.log(`publish → landing page: p50 ${percentile(onLanding, 50).toFixed(0)} ms, max ${onLanding.at(-1)!.toFixed(0)} ms`);

  const [stat, q, l, qd, ld] = rows as [Row, Row, Row, Row, Row];
  console.log(`cached question page: ${((q.rps / stat.rps) * 100).toFixed(0)} % of the static file's req/s (target ≥ 50 %), p97.5 ${q.p975} ms (target p95 ≤ 20 ms)`);
  if (values.write) {
    await recordBenchmark("pages", [
      `${CONNECTIONS} concurrent connections (autocannon), ${DURATION} s per target, the shipped content. autocannon reports p97.5, not p95: a p97.5 within the target bounds p95 too.`,
      "",
      "| target | req/s | p50 ms | p97.5 ms | p99 ms | errors |",
      "|---|---|---|---|---|---|",
      ...rows.map((r) => `| ${r.label} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p975} | ${r.p99} | ${r.errors} |`),
      "",
      `Cached question page: **${((q.rps / stat.rps) * 100).toFixed(0)} %** of the static file's requests/s (target ≥ 50 %), p97.5 **${q.p975} ms** (target p95 ≤ 20 ms); ` +
        `${(q.rps / qd.rps).toFixed(1)}× the requests/s of rendering it per request (landing page ${(l.rps / ld.rps).toFixed(1)}×).`,
      "",
      `Publish → visible (${onQuestion.length} answers published through the domain verbs, pages cached beforehand): question page p50 **${percentile(onQuestion, 50).toFixed(0)} ms**, max ${onQuestion.at(-1)!.toFixed(0)} ms; ` +
        `landing page p50 **${percentile(onLanding, 50).toFixed(0)} ms**, max ${onLanding.at(-1)!.toFixed(0)} ms (target 2 s).`,
    ], `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load generator, Next.js, Postgres and Meilisearch on the same machine`);
  }
} finally {
  await site?.stop();
  await servers.stop();
}
process.exit(0);
