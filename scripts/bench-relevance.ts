// npm run bench:relevance [-- --write]
// The judged query set (scripts/bench/relevance-queries.yaml) against the shipped content: nDCG@10, MRR
// and recall@10 per query kind, for our search and for Meilisearch with default settings on the same
// documents. Also compares matching strategies. Real embedded Postgres + Meilisearch.
import { readFile } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { z } from "zod";
import { neighboursIn } from "../lib/articles/relations.ts";
import { publicFilter } from "../lib/domain/visibility.ts";
import { ingestContent } from "../lib/content/ingest.ts";
import { loadLexiconWords, loadSearchVocabulary } from "../lib/content/load.ts";
import { searchLexicon } from "../lib/query/lexicon.ts";
import { loadStoredLexicon, refreshLexicon } from "../lib/search/lexicon-store.ts";
import { getDb } from "../lib/db/client.ts";
import { ensureIndex, getIndex, getSearchClient } from "../lib/search/client.ts";
import type { SearchDocument } from "../lib/search/document.ts";
import { parseSearchParams } from "../lib/search/params.ts";
import { searchArticles } from "../lib/search/query.ts";
import { recordBenchmark } from "./bench/record.ts";
import { benchServers } from "./bench/setup.ts";
import { ndcgAt, recallAt, reciprocalRank } from "./bench/metrics.ts";

const KINDS = ["plain", "colloquial", "synonym", "region", "year", "typo", "traditional", "pinyin", "mixed"] as const;
const querySchema = z.array(z.object({ query: z.string(), kind: z.enum(KINDS), judgments: z.record(z.string(), z.number().int().min(0).max(2)) }));

const { values } = parseArgs({ options: { write: { type: "boolean", default: false }, "no-corpus": { type: "boolean", default: false }, content: { type: "string", default: "content" } } });
const queries = querySchema.parse(parse(await readFile("scripts/bench/relevance-queries.yaml", "utf8")));
const servers = await benchServers("relevance");
const { pg, meili } = servers;
type Ranker = (q: string) => Promise<string[]>;
type Row = { name: string; perKind: Record<string, { ndcg: number; mrr: number; recall: number; n: number }>; overall: { ndcg: number; mrr: number; recall: number } };

try {
  const client = getSearchClient(meili.url, meili.masterKey);
  const { vocabulary } = await loadSearchVocabulary(values.content!);
  await ensureIndex(client, "articles", vocabulary);
  const db = getDb(pg.url);
  const index = getIndex(client, "articles");
  const report = await ingestContent({ contentDir: values.content!, databaseUrl: pg.url, index, synonyms: vocabulary.synonyms });
  if (report.errors.length) throw new Error(`content errors: ${report.errors.length}`);
  // RANKING=words,attribute,… tries another order of ranking rules (for measuring a rule before keeping it).
  if (process.env.RANKING) await index.updateRankingRules(process.env.RANKING.split(",")).waitTask({ timeout: 60_000 });
  // As the site builds it: curated words, and the corpus lexicon the worker stores.
  const built = await refreshLexicon(db);
  console.log(`search lexicon: ${built.words} words in ${built.ms} ms`);
  const stored = await loadStoredLexicon(db);
  const lexicon = values["no-corpus"] ? searchLexicon(await loadLexiconWords(values.content!), vocabulary) : searchLexicon(await loadLexiconWords(values.content!), vocabulary, stored?.words);

  // Baseline: the same documents in an index with Meilisearch's defaults, queried with the raw text.
  const docs = await index.getDocuments({ limit: 10_000 });
  const base = client.index<Omit<SearchDocument, "pinyin" | "initials">>("baseline");
  await client.createIndex("baseline", { primaryKey: "id" }).waitTask();
  await base.updateFilterableAttributes(["state"]).waitTask();
  await base.addDocuments(docs.results.map(({ pinyin: _p, initials: _i, ...d }) => d)).waitTask({ timeout: 60_000 });

  const ours: Ranker = async (q) => {
    const p = parseSearchParams({ q });
    if (!p.success) return [];
    const r = await searchArticles(p.data, { index, lexicon, db, neighbours: neighboursIn(db) });
    return [...r.hits, ...r.more].map((h) => h.slug);
  };
  // The Postgres fallback as the site serves it when Meilisearch is down: an index nobody listens on.
  const unreachable = getIndex(getSearchClient("http://127.0.0.1:9", "none", { timeout: 200 }), "articles");
  const fallback: Ranker = async (q) => {
    const p = parseSearchParams({ q });
    if (!p.success) return [];
    return (await searchArticles(p.data, { index: unreachable, lexicon, db })).hits.map((h) => h.slug);
  };
  const baseline: Ranker = async (q) => (await base.search(q, { limit: 10, filter: publicFilter })).hits.map((h) => h.slug);

  const evaluate = async (name: string, rank: Ranker): Promise<Row> => {
    const perKind: Row["perKind"] = {};
    const all = { ndcg: 0, mrr: 0, recall: 0 };
    for (const q of queries) {
      const got = (await rank(q.query)).slice(0, 10);
      const m = { ndcg: ndcgAt(got, q.judgments, 10), mrr: reciprocalRank(got, q.judgments), recall: recallAt(got, q.judgments, 10) };
      const k = (perKind[q.kind] ??= { ndcg: 0, mrr: 0, recall: 0, n: 0 });
      k.ndcg += m.ndcg; k.mrr += m.mrr; k.recall += m.recall; k.n++;
      all.ndcg += m.ndcg; all.mrr += m.mrr; all.recall += m.recall;
      if (process.env.VERBOSE && name === "ours" && m.ndcg < 0.9) console.log(`  ${q.kind} “${q.query}” nDCG ${m.ndcg.toFixed(2)} got ${got.slice(0, 5).join(", ")}`);
    }
    for (const k of Object.values(perKind)) { k.ndcg /= k.n; k.mrr /= k.n; k.recall /= k.n; }
    const n = queries.length;
    return { name, perKind, overall: { ndcg: all.ndcg / n, mrr: all.mrr / n, recall: all.recall / n } };
  };

  const rows = [await evaluate("ours", ours), await evaluate("Meilisearch defaults", baseline), await evaluate("Postgres fallback", fallback)];
  const f = (x: number) => x.toFixed(3);
  const lines = [
    `${queries.length} judged queries; nDCG@10 / MRR / recall@10. Target: nDCG@10 ≥ 0.92 overall, ≥ 0.85 in every kind, no kind below Meilisearch defaults.`,
    "",
    `| kind | n | ours | Meilisearch defaults | Postgres fallback |`,
    `|---|---|---|---|---|`,
    ...KINDS.map((k) => `| ${k} | ${rows[0]!.perKind[k]?.n ?? 0} | ${rows.map((r) => { const x = r.perKind[k]; return x ? `${f(x.ndcg)} / ${f(x.mrr)} / ${f(x.recall)}` : "–"; }).join(" | ")} |`),
    `| **overall** | ${queries.length} | ${rows.map((r) => `**${f(r.overall.ndcg)}** / ${f(r.overall.mrr)} / ${f(r.overall.recall)}`).join(" | ")} |`,
  ];
  console.log(lines.join("\n"));
  if (values.write) await recordBenchmark("relevance", lines, `${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, Meilisearch 1.21.0, content/ as shipped`);
} finally {
  await servers.stop();
}
process.exit(0);
