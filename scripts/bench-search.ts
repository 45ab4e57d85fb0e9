// npm run bench:search [-- --count 100000 --requests 2000 --clients 8,50 --write] [--analytics [--rounds 3 --rate 20] [--only analytics]]
// [--only drugs [--rounds 3]]: /api/search with the drug index present against the same site without it
// (parked under another name), in alternating rounds, the result cache off.
// Latency of the same query mix against raw Meilisearch and against /api/search (the whole site path:
// normalisation, Meilisearch, response shaping, query log), at 8 and 50 concurrent clients (--clients), on
// N synthetic articles: with the result cache off (every search computed) and on (repeats from memory).
// --analytics: then what the search analytics cost — the site with SEARCH_LOG=off against SEARCH_LOG=on
// with a click beacon after a share of the searches (--click-rate), in alternating rounds (the median
// p95 of each side), at the first client count: once flat out (each client sends its next request as
// soon as the last one is answered: the machine saturated, where every extra request — a click beacon
// too — queues in front of the searches) and once paced at --rate searches/s (a steady load the site
// carries, where what logging costs a search is what shows).
import { cpus, loadavg, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { join } from "node:path";
import { importCatalogues, summariseCatalogues } from "../lib/catalogue/import.ts";
import { ingestContent } from "../lib/content/ingest.ts";
import { loadSearchVocabulary } from "../lib/content/load.ts";
import { closeDb, getDb } from "../lib/db/client.ts";
import { normalizeQuery } from "../lib/query/normalize.ts";
import { ensureIndex, getIndex, getSearchClient, UNCOMPRESSED } from "../lib/search/client.ts";
import { refreshLexicon } from "../lib/search/lexicon-store.ts";
import { median, percentile } from "./bench/metrics.ts";
import { recordBenchmark } from "./bench/record.ts";
import { benchServers, syntheticContent } from "./bench/setup.ts";
import { type BenchSite, startSite as startBenchSite } from "./bench/site.ts";
import { API_PATHS, searchApiPath } from "../lib/urls.ts";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "100000" },
    requests: { type: "string", default: "2000" },
    clients: { type: "string", default: "8,50" },
    write: { type: "boolean", default: false },
    analytics: { type: "boolean", default: false },
    rounds: { type: "string", default: "3" },
    /** Searches per second (all clients together) of the paced analytics runs. */
    rate: { type: "string", default: "20" },
    "paced-requests": { type: "string", default: "600" },
    /** "analytics": skip the raw-against-API comparison (and leave its section in BENCHMARKS.md as it is);
     * "drugs": only the drug-index comparison. */
    only: { type: "string" },
    /** Share of searches followed by a click beacon on the "on" side (1: every one; 0: logging only). */
    "click-rate": { type: "string", default: "1" },
  },
});
const N = Number(values.count);
const REQUESTS = Number(values.requests);
const CLIENT_COUNTS = values.clients!.split(",").map(Number);
const QUERIES = [
  "异地就医备案", "住院了在外省怎么报", "门诊统筹", "医保卡能给爸妈用吗", "起付线是多少", "退休", "生育保险", "个人账户",
  "醫療保險報銷", "門診統籌", "menzhen tongchou", "ydjy", "大病保险", "急诊抢救", "慢性病的药", "私立医院看病",
];
// --only drugs: the same mix plus queries that name a drug (their cards are part of what is measured).
if (values.only === "drugs") QUERIES.push("二甲双胍能报销吗", "布洛芬", "ermoshuanggua", "连花清瘟胶囊");

const servers = await benchServers("search");
const { pg, meili } = servers;
const content = await syntheticContent(servers.root, N);
let site: BenchSite | undefined;

// The load average at the start says whether the machine was quiet; the figures mean little otherwise.
const loadAtStart = loadavg()[0]!.toFixed(2);
const machine = () =>
  `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load generator, Next.js, Postgres and Meilisearch on the same machine; load average ${loadAtStart} at the start`;

/** `requests` requests from `clients` clients; with `rate`, each client keeps its share of that pace. */
async function load(label: string, clients: number, request: (q: string) => Promise<void>, paced?: { rate: number; requests: number }) {
  for (const q of QUERIES) await request(q); // warm-up
  const times: number[] = [];
  const total = paced?.requests ?? REQUESTS;
  const interval = paced ? (clients / paced.rate) * 1000 : 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, w) => {
      let at = started + (w * interval) / clients;
      while (next < total) {
        if (interval) {
          const wait = at - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          at = Math.max(at + interval, performance.now() - interval);
        }
        const q = QUERIES[next++ % QUERIES.length]!;
        const t = performance.now();
        await request(q);
        times.push(performance.now() - t);
      }
    }),
  );
  const secs = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const r = { label: `${label}, ${clients} clients${paced ? ` at ${paced.rate}/s` : ""}`, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), rps: times.length / secs };
  console.log(`${r.label}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${r.rps.toFixed(0)} req/s`);
  return r;
}

try {
  const client = getSearchClient(meili.url, meili.masterKey);
  const { vocabulary } = await loadSearchVocabulary(content);
  await ensureIndex(client, "articles", vocabulary);
  const t = performance.now();
  const ingest = await ingestContent({ contentDir: content, databaseUrl: pg.url, index: getIndex(client), synonyms: vocabulary.synonyms });
  console.log(`ingested ${ingest.added} articles in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  // The steady state: the lexicon the worker keeps is built before the site starts, not during the run.
  const lexicon = await refreshLexicon(getDb(pg.url));
  console.log(`search lexicon: ${lexicon.words} words in ${(lexicon.ms / 1000).toFixed(1)} s`);
  await closeDb(pg.url);

  const startSite = async (extra: Record<string, string> = {}) => {
    site = await startBenchSite({ DATABASE_URL: pg.url, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, CONTENT_DIR: content, ...extra });
    return site.port;
  };
  const stopSite = async () => site?.stop();
  // Each measurement below starts the site with the settings it compares.
  let port = 0;

  const rawRequest = async (q: string) => {
    const nq = normalizeQuery(q);
    const res = await fetch(`${meili.url}/indexes/articles/search`, {
      method: "POST",
      // Uncompressed, as the site asks for it: a gzipped answer alone would add ~40 ms to the baseline.
      headers: { "content-type": "application/json", authorization: `Bearer ${meili.masterKey}`, ...UNCOMPRESSED },
      body: JSON.stringify({ q: nq.kind === "pinyin" || nq.kind === "initials" ? nq.pinyin : nq.text, hitsPerPage: 10, page: 1 }),
    });
    await res.arrayBuffer();
  };
  const apiRequest = async (q: string) => {
    const res = await fetch(`http://127.0.0.1:${port}${searchApiPath(q)}`);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    await res.arrayBuffer();
  };
  const rows: Awaited<ReturnType<typeof load>>[] = [];
  const ratios: string[] = [];
  if (values.only === "drugs") {
    // The drug list as `npm start` imports it; "without" parks its index under another name while the
    // site runs, so it finds none and shows no cards (lib/search/drugs.ts), everything else equal.
    const lists = await importCatalogues({ contentDir: join(import.meta.dirname, "../content"), databaseUrl: pg.url, meiliUrls: [meili.url], meiliKey: meili.masterKey, indexName: "articles" });
    console.log(summariseCatalogues(lists));
    const park = async (away: boolean) => {
      const task = await client.swapIndexes([{ indexes: away ? ["articles-drugs", "parked-drugs"] : ["parked-drugs", "articles-drugs"], rename: true }]).waitTask();
      if (task.status !== "succeeded") throw new Error(`swap failed: ${task.error?.message}`);
    };
    const sides = { without: [] as number[], with: [] as number[] };
    const lines: string[] = [];
    for (let round = 1; round <= Number(values.rounds); round++) {
      for (const side of ["without", "with"] as const) {
        // Parked once the site is up: its start-up ingest would otherwise build the index again.
        port = await startSite({ SEARCH_CACHE: "off" });
        if (side === "without") await park(true);
        const r = await load(`search API, result cache off, drug index ${side === "with" ? "present" : "absent"} (round ${round})`, CLIENT_COUNTS[0]!, apiRequest);
        await stopSite();
        if (side === "without") await park(false);
        sides[side].push(r.p95);
        lines.push(`| ${round} | ${side} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.rps.toFixed(0)} |`);
      }
    }
    const cost = median(sides.with) / median(sides.without) - 1;
    console.log(`drug index: median p95 without ${median(sides.without).toFixed(1)} ms, with ${median(sides.with).toFixed(1)} ms → ${(cost * 100).toFixed(1)} % (target ≤ 10 %)`);
    if (values.write) {
      await recordBenchmark("search-drugs", [
        `${N.toLocaleString("en")} synthetic articles and the 2025 drug list (${lists.drugs} drugs), ${CLIENT_COUNTS[0]} concurrent clients, ${REQUESTS} requests per run, result cache off, ${QUERIES.length} queries (the search mix plus four naming a drug), ${values.rounds} alternating rounds; the drug lookup runs beside the article search.`,
        "",
        "| round | drug index | p50 ms | p95 ms | req/s |",
        "|---|---|---|---|---|",
        ...lines,
        "",
        `Median p95: without **${median(sides.without).toFixed(1)} ms**, with **${median(sides.with).toFixed(1)} ms**: **${(cost * 100).toFixed(1)} %** (target ≤ 10 %).`,
      ], machine());
    }
  }

  if (values.only !== "analytics" && values.only !== "drugs") {
    // First every search computed (the result cache off: what a query nobody asked a moment ago costs),
    // then as the site runs, where the mix's repeats come from the result cache.
    const raws = new Map<number, number>();
    for (const cache of ["off", "on"] as const) {
      await stopSite();
      port = await startSite({ SEARCH_CACHE: cache });
      for (const clients of CLIENT_COUNTS) {
        if (cache === "off") {
          const raw = await load("raw Meilisearch", clients, rawRequest);
          raws.set(clients, raw.p95);
          rows.push(raw);
        }
        const api = await load(`${API_PATHS.search}, result cache ${cache}`, clients, apiRequest);
        rows.push(api);
        const ratio = (api.p95 / raws.get(clients)!).toFixed(2);
        ratios.push(`${clients} clients, result cache ${cache}: API p95 / raw p95 = **${ratio}**`);
        console.log(`${clients} clients, result cache ${cache}: API p95 / raw p95 = ${ratio} (target ≤ 1.3)`);
      }
    }
  }

  if (values.analytics) {
    // Each search as the page makes it (with a browser's user agent, so that it is logged), and with
    // SEARCH_LOG=on a click beacon right after it, as a reader's click would follow.
    const browser = { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36" };
    const clickEvery = Number(values["click-rate"]) > 0 ? Math.round(1 / Number(values["click-rate"])) : 0;
    let searches = 0;
    // The click goes out as navigator.sendBeacon sends it: after the results are shown, without the page
    // waiting for it. So it is not part of the search's time, but the site serves it beside the searches.
    const beacons: Promise<void>[] = [];
    const side = (clicks: boolean) => async (q: string) => {
      const res = await fetch(`http://127.0.0.1:${port}${searchApiPath(q)}`, { headers: browser });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const body = (await res.json()) as { queryId: string | null; hits: { slug: string }[] };
      if (clicks && clickEvery && ++searches % clickEvery === 0 && body.queryId && body.hits[0]) {
        const click = JSON.stringify({ queryId: body.queryId, slug: body.hits[0].slug, position: 1 });
        beacons.push(
          fetch(`http://127.0.0.1:${port}${API_PATHS.searchClick}`, { method: "POST", headers: { "content-type": "text/plain", ...browser, origin: `http://127.0.0.1:${port}` }, body: click }).then((c) => {
            if (c.status !== 202) throw new Error(`click HTTP ${c.status}`);
          }),
        );
      }
    };
    const paced = { rate: Number(values.rate), requests: Number(values["paced-requests"]) };
    const sections: string[] = [];
    let summary = "";
    for (const pace of [undefined, paced]) {
      const off: number[] = [];
      const on: number[] = [];
      for (let round = 1; round <= Number(values.rounds); round++) {
        for (const mode of ["off", "on"] as const) {
          await stopSite();
          port = await startSite({ SEARCH_LOG: mode });
          const r = await load(`${API_PATHS.search}, SEARCH_LOG=${mode}${mode === "on" && clickEvery ? " + click beacons" : ""} (round ${round})`, CLIENT_COUNTS[0]!, side(mode === "on"), pace);
          (mode === "on" ? on : off).push(r.p95);
          await Promise.all(beacons.splice(0));
        }
      }
      const cost = median(on) / median(off) - 1;
      const how = pace ? `paced at ${pace.rate} searches/s, ${pace.requests} per run` : `flat out, ${REQUESTS} requests per run`;
      console.log(`analytics (${how}): median p95 off ${median(off).toFixed(1)} ms, on ${median(on).toFixed(1)} ms → ${(cost * 100).toFixed(1)} % (target ≤ 5 %)`);
      sections.push(
        `**${pace ? `Paced: ${pace.rate} searches/s` : "Flat out"}** (${how}).`,
        "",
        `| round | p95 ms, SEARCH_LOG=off | p95 ms, SEARCH_LOG=on${clickEvery ? " + clicks" : ""} |`,
        `|---|---|---|`,
        ...off.map((o, i) => `| ${i + 1} | ${o.toFixed(1)} | ${on[i]!.toFixed(1)} |`),
        "",
        `Median p95: off **${median(off).toFixed(1)} ms**, on **${median(on).toFixed(1)} ms**: logging and click tracking add **${(cost * 100).toFixed(1)} %** (target ≤ 5 %).`,
        "",
      );
      if (pace) summary = `At a steady ${pace.rate} searches/s logging and click tracking add **${(cost * 100).toFixed(1)} %** to the p95 of a search (target ≤ 5 %).`;
    }
    if (values.write) {
      await recordBenchmark(clickEvery ? "search-analytics" : "search-analytics-log-only", [
        `${N.toLocaleString("en")} synthetic articles, ${CLIENT_COUNTS[0]} concurrent clients, ${values.rounds} alternating rounds per side; "on" logs every search (batched)${clickEvery ? ` and sends a click beacon after ${clickEvery === 1 ? "each one" : `every ${clickEvery}th`} (a POST the site serves beside the searches)` : ", no clicks"}. Flat out, the machine is saturated and every extra request — a click beacon too — queues in front of the searches; paced, the site carries a steady load, and what logging costs a search is what shows.`,
        "",
        ...sections,
        summary,
      ], machine());
    }
  }
  if (values.write && values.only !== "analytics" && values.only !== "drugs") {
    const f = (x: number) => x.toFixed(1);
    await recordBenchmark("search", [
      `${N.toLocaleString("en")} synthetic articles, ${CLIENT_COUNTS.join(" and ")} concurrent clients, ${REQUESTS} requests each, ${QUERIES.length} queries (Chinese, traditional, pinyin, initials).`,
      "",
      `| target | p50 ms | p95 ms | p99 ms | req/s |`,
      `|---|---|---|---|---|`,
      ...rows.map((r) => `| ${r.label} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${r.rps.toFixed(0)} |`),
      "",
      `${ratios.join("; ")} (target ≤ 1.3). With the cache on, each of the ${QUERIES.length} queries after its first search is a repeat.`,
    ], machine());
  }
} finally {
  await site?.stop();
  await servers.stop();
}
process.exit(0);
