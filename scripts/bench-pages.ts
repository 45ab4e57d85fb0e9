// npm run bench:pages [-- --rounds 3 --duration 5 --connections 50 --write]
// Requests/s and latency of a question page and a landing page served from the page cache, side by side
// with a static file from the same server and with the same pages rendered per request (asked for with
// x-prerender-revalidate: the way every page was served before the cache). Then how long a published
// answer takes to appear on its question page and its landing page. The same through the shipped edge
// cache (Varnish with deploy/varnish/yibao.vcl, when varnishd is installed): a cached question page and
// a static file, both served by the edge, and publish → visible through it.
// The targets take turns, --rounds times over, and each figure is the median of its rounds: this
// machine's speed drifts by half within minutes, and a static file measured once, minutes before the
// page it is compared with, made the ratio say more about the drift than about the page.
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
import { freePort } from "../lib/servers/free-port.ts";
import { type RunningVarnish, startVarnish } from "../lib/servers/varnish.ts";
import { median, percentile } from "./bench/metrics.ts";
import { recordBenchmark } from "./bench/record.ts";
import { benchServers } from "./bench/setup.ts";
import { type BenchSite, startSite } from "./bench/site.ts";
import { questionPath, regionPath } from "../lib/urls.ts";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "3" },
    duration: { type: "string", default: "5" },
    connections: { type: "string", default: "50" },
    publishes: { type: "string", default: "10" },
    write: { type: "boolean", default: false },
  },
});
const ROUNDS = Number(values.rounds);
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const QUESTION = questionPath("jumin-yibao-keyi-yidi-jiuyi-ma");
const LANDING = regionPath("520500");

const servers = await benchServers("pages");
const { pg, meili } = servers;
let site: BenchSite | undefined;
let edge: RunningVarnish | undefined;

type Row = { label: string; rps: number; p50: number; p975: number; p99: number; errors: number };

type Target = { label: string; path: string; headers?: Record<string, string>; via?: string };

async function load(base: string, { label, path, headers = {}, via }: Target, seconds = DURATION): Promise<Row> {
  const r = await autocannon({ url: (via ?? base) + path, connections: CONNECTIONS, duration: seconds, headers });
  const row = { label, rps: r.requests.average, p50: r.latency.p50, p975: r.latency.p97_5, p99: r.latency.p99, errors: r.errors + r.non2xx };
  console.log(`${label}: ${row.rps.toFixed(0)} req/s, p50 ${row.p50} ms, p97.5 ${row.p975} ms, p99 ${row.p99} ms, ${row.errors} errors`);
  return row;
}

/** Each target's median over the rounds (errors summed), in the targets' order. */
function medianRows(rounds: Row[][]): Row[] {
  return rounds[0]!.map((first, i) => {
    const of = (pick: (r: Row) => number) => median(rounds.map((round) => pick(round[i]!)));
    return { label: first.label, rps: of((r) => r.rps), p50: of((r) => r.p50), p975: of((r) => r.p975), p99: of((r) => r.p99), errors: rounds.reduce((n, round) => n + round[i]!.errors, 0) };
  });
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

  const edgePort = await freePort();
  site = await startSite({ DATABASE_URL: pg.url, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, CONTENT_DIR: "content", DATA_DIR: join(servers.root, "data"), EDGE_URLS: `http://127.0.0.1:${edgePort}` });
  const { base } = site;
  edge = await startVarnish([{ host: "127.0.0.1", port: site.port }], { port: edgePort }).catch((e: Error) => {
    console.log(`no edge cache measured: ${e.message.split("\n")[0]}`);
    return undefined;
  });

  const html = await (await fetch(base + QUESTION)).text();
  // The comparison file: of the page's own chunks, the one closest in size to the page's HTML, so that
  // the two differ in how they are served and not in how many bytes go out.
  const pageBytes = Buffer.byteLength(html);
  const sized = await Promise.all(
    [...new Set(html.match(/\/_next\/static\/chunks\/[^"]+\.js/g) ?? [])].map(async (path) => ({ path, bytes: (await (await fetch(base + path)).arrayBuffer()).byteLength })),
  );
  const closest = sized.sort((a, b) => Math.abs(a.bytes - pageBytes) - Math.abs(b.bytes - pageBytes))[0];
  if (!closest) throw new Error("no static chunk found in the question page");
  const chunk = closest.path;
  const staticLabel = `static file (a Next.js chunk, ${(closest.bytes / 1024).toFixed(1)} KB; the question page is ${(pageBytes / 1024).toFixed(1)} KB)`;
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

  const targets: Target[] = [
    { label: staticLabel, path: chunk },
    { label: "question page, cached", path: QUESTION },
    { label: "landing page, cached", path: LANDING },
    { label: "question page, rendered per request", path: QUESTION, headers: perRequest },
    { label: "landing page, rendered per request", path: LANDING, headers: perRequest },
    ...(edge
      ? [
          // With Accept-Encoding, as every browser sends it: the edge keeps pages gzipped and would
          // otherwise unzip the page for each request (Next's chunks are served as stored).
          { label: "static file through the edge cache (Varnish), gzip accepted", path: chunk, via: edge.url, headers: { "accept-encoding": "gzip" } },
          { label: "question page through the edge cache (Varnish), gzip accepted", path: QUESTION, via: edge.url, headers: { "accept-encoding": "gzip" } },
        ]
      : []),
  ];
  // Warm-up, not counted: the first seconds of each target ran at two thirds of its later speed.
  console.log("warm-up, not counted");
  for (const target of targets) await load(base, target, 2);
  const rounds: Row[][] = [];
  for (let i = 0; i < ROUNDS; i++) {
    console.log(`round ${i + 1} of ${ROUNDS}`);
    const round: Row[] = [];
    for (const target of targets) round.push(await load(base, target));
    rounds.push(round);
  }
  const rows = medianRows(rounds);
  // The ratio within each round (page and static file measured a few seconds apart), then its median.
  const shares = rounds.map(([stat, q]) => q!.rps / stat!.rps);

  // Publish → visible: an unanswered question in 毕节, its pages cached, then an answer published the
  // way the authoring app publishes it; time until the question page and the 毕节 page show it.
  const db = getDb(pg.url);
  const onQuestion: number[] = [];
  const onLanding: number[] = [];
  const onEdge: number[] = [];
  for (let i = 0; i < Number(values.publishes); i++) {
    const slug = `bench-publish-${Date.now().toString(36)}-${i}`;
    const word = `基准刷新${i}${Date.now().toString(36)}`;
    const { id: articleId } = await createArticle(db, {
      by: "bench",
      article: { slug, title: `毕节门诊统筹报销材料基准问题（${slug}）`, region: "520500", insurance: ["resident"], topics: ["门诊统筹"], year: 2025, published: "2026-12-01", status: "unanswered", related: [], citations: [], answers: [] },
    });
    await until(async () => (await (await fetch(base + LANDING)).text()).includes(slug));
    await fetch(base + questionPath(slug)).then((r) => r.text());
    if (edge) await fetch(edge.url + questionPath(slug)).then((r) => r.text());
    await publishAnswer(db, { articleId, advisorId: "wang-lin", body: `带上医保电子凭证即可。${word}`, by: "bench" });
    const t = performance.now();
    const seen = Promise.all([
      until(async () => (await (await fetch(base + questionPath(slug))).text()).includes(word)),
      edge ? until(async () => (await (await fetch(edge!.url + questionPath(slug))).text()).includes(word)) : Promise.resolve(0),
    ]);
    const [question, throughEdge] = await seen;
    onQuestion.push(question);
    if (edge) onEdge.push(throughEdge);
    await until(async () => {
      const page = await (await fetch(base + LANDING)).text();
      const at = page.indexOf(`href="${questionPath(slug)}"`);
      return at >= 0 && page.slice(at, page.indexOf("</li>", at)).includes("位顾问解答");
    });
    onLanding.push(performance.now() - t);
  }
  await closeDb(pg.url);
  onQuestion.sort((a, b) => a - b);
  onLanding.sort((a, b) => a - b);
  onEdge.sort((a, b) => a - b);
  if (onEdge.length) console.log(`publish → question page through the edge: p50 ${percentile(onEdge, 50).toFixed(0)} ms, max ${onEdge.at(-1)!.toFixed(0)} ms`);
  console.log(`publish → question page: p50 ${percentile(onQuestion, 50).toFixed(0)} ms, max ${onQuestion.at(-1)!.toFixed(0)} ms`);
  console.log(`publish → landing page: p50 ${percentile(onLanding, 50).toFixed(0)} ms, max ${onLanding.at(-1)!.toFixed(0)} ms`);

  const [, q, l, qd, ld, edgeStatic, edgeQuestion] = rows as [Row, Row, Row, Row, Row, Row?, Row?];
  const edgeShares = edge ? rounds.map((round) => round[6]!.rps / round[5]!.rps) : [];
  const edgeLine = edgeStatic && edgeQuestion
    ? `Through the edge cache: the cached question page at **${(median(edgeShares) * 100).toFixed(0)} %** of the requests/s of a static file served by the same edge (rounds ${Math.round(Math.min(...edgeShares) * 100)}–${Math.round(Math.max(...edgeShares) * 100)} %; target ≥ 90 %), ${(edgeQuestion.rps / q.rps).toFixed(1)}× Next's own cache; publish → visible through the edge p50 **${percentile(onEdge, 50).toFixed(0)} ms**, max ${onEdge.at(-1)!.toFixed(0)} ms (target 2 s).`
    : "No edge cache measured (varnishd not installed).";
  console.log(edgeLine);
  const share = `${(median(shares) * 100).toFixed(0)} %`;
  const shareRange = `${Math.round(Math.min(...shares) * 100)}–${Math.round(Math.max(...shares) * 100)} %`;
  console.log(`cached question page: ${share} of the static file's req/s (rounds ${shareRange}; target ≥ 50 %), p97.5 ${q.p975} ms (target p95 ≤ 20 ms)`);
  if (values.write) {
    await recordBenchmark("pages", [
      `${CONNECTIONS} concurrent connections (autocannon), the shipped content; the targets take turns, ${DURATION} s each, ${ROUNDS} rounds, and each figure is the median of the rounds (this machine's speed drifts within minutes). autocannon reports p97.5, not p95: a p97.5 within the target bounds p95 too. No Accept-Encoding: responses uncompressed.`,
      "",
      "| target | req/s | p50 ms | p97.5 ms | p99 ms | errors |",
      "|---|---|---|---|---|---|",
      ...rows.map((r) => `| ${r.label} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p975} | ${r.p99} | ${r.errors} |`),
      "",
      `Cached question page: **${share}** of the static file's requests/s (median of the rounds' ratios, ${shareRange}; target ≥ 50 %), p97.5 **${q.p975} ms** (target p95 ≤ 20 ms); ` +
        `${(q.rps / qd.rps).toFixed(1)}× the requests/s of rendering it per request (landing page ${(l.rps / ld.rps).toFixed(1)}×).`,
      "",
      `Publish → visible (${onQuestion.length} answers published through the domain verbs, pages cached beforehand): question page p50 **${percentile(onQuestion, 50).toFixed(0)} ms**, max ${onQuestion.at(-1)!.toFixed(0)} ms; ` +
        `landing page p50 **${percentile(onLanding, 50).toFixed(0)} ms**, max ${onLanding.at(-1)!.toFixed(0)} ms (target 2 s).`,
      "",
      edgeLine,
    ], `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load generator, Next.js, Postgres and Meilisearch on the same machine`);
  }
} finally {
  await edge?.stop();
  await site?.stop();
  await servers.stop();
}
process.exit(0);
