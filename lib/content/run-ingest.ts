// The ingest command as a function: used by `npm run ingest` and by `npm start`.
import { createProgress } from "../cli/progress.ts";
import { formatIssue } from "../domain/schema.ts";
import { ensureIndex, getIndex, getSearchClient, indexName, type SearchIndex } from "../search/client.ts";
import { type PageRevalidation, revalidatePages } from "../outbox/pages.ts";
import { LANDING_TAG } from "../outbox/page-tags.ts";
import { DRUGS_TAG } from "../catalogue/read.ts";
import { importCatalogues, summariseCatalogues } from "../catalogue/import.ts";
import { ingestContent, type IngestReport } from "./ingest.ts";
import { loadSearchVocabulary } from "./load.ts";

export async function runIngest(opts: {
  contentDir: string;
  databaseUrl: string;
  /** Every Meilisearch instance; each is fed (one that is down catches up later through the worker). */
  meiliUrls: string[];
  meiliKey?: string;
  indexName?: string;
  out?: (line: string) => void;
  pages?: PageRevalidation;
}): Promise<IngestReport> {
  const out = opts.out ?? ((l: string) => console.log(l));
  const { vocabulary, errors: vocabularyErrors } = await loadSearchVocabulary(opts.contentDir);
  for (const e of vocabularyErrors) out(`error   ${formatIssue(e)}`);
  const up: SearchIndex[] = [];
  for (const url of opts.meiliUrls) {
    const client = getSearchClient(url, opts.meiliKey);
    const where = opts.meiliUrls.length > 1 ? ` on ${url}` : "";
    try {
      const changedSettings = await ensureIndex(client, opts.indexName, vocabulary);
      if (changedSettings.length) out(`search index settings updated${where}: ${changedSettings.join(", ")}`);
      up.push(getIndex(client, opts.indexName));
    } catch (e) {
      out(`search index${where} unavailable (${(e as Error).message}); content goes to Postgres and waits in the outbox`);
    }
  }
  const progress = createProgress();
  const labels = { read: "read", write: "write", index: "index", related: "related" } as const;
  let report: IngestReport;
  try {
    report = await ingestContent({
      contentDir: opts.contentDir,
      databaseUrl: opts.databaseUrl,
      index: up.length ? up : undefined,
      vocabulary,
      onWait: () => out("another ingest is running against this database; waiting for it to finish…"),
      synonyms: vocabulary.synonyms,
      pages: opts.pages,
      onProgress: (p) => progress.update(labels[p.phase], p.done, p.total),
    });
  } finally {
    progress.stop();
  }
  for (const w of report.warnings) out(`warning ${formatIssue(w)}`);
  for (const e of report.errors) out(`error   ${formatIssue(e)}`);
  if (report.indexError) out(`search index not updated: ${report.indexError}; the changes wait in the outbox for the worker`);
  out(summarise(report));
  report.errors.push(...vocabularyErrors);
  // Reference lists (content/catalogues): their own tables and index, beside the articles.
  out("drug lists: checking content/catalogues…");
  const lists = await importCatalogues({ contentDir: opts.contentDir, databaseUrl: opts.databaseUrl, meiliUrls: opts.meiliUrls, meiliKey: opts.meiliKey, indexName: opts.indexName ?? indexName() });
  for (const e of lists.errors) out(`error   ${formatIssue(e)}`);
  for (const e of lists.indexErrors) out(`drug index not updated on ${e}; the next ingest retries`);
  out(summariseCatalogues(lists));
  // A running site's drug pages and sitemaps show the lists: expire them when one changed.
  if (opts.pages && lists.editions.some((e) => e.status === "imported")) await revalidatePages(opts.pages, [DRUGS_TAG, LANDING_TAG]).catch(() => 0);
  report.errors.push(...lists.errors);
  return report;
}

export function summarise(r: IngestReport): string {
  const secs = (ms: number) => (ms / 1000).toFixed(2);
  const writes = r.added + r.updated + r.deleted + r.advisors.changed + r.advisors.removed;
  const head = writes === 0 && (r.index?.rows ?? 0) === 0
    ? `content unchanged: ${r.unchanged} articles, nothing written`
    : `ingested ${r.files} files: ${r.added} added, ${r.updated} updated, ${r.deleted} deleted, ${r.unchanged} unchanged` +
      (r.advisors.changed ? `, ${r.advisors.changed} advisors updated` : "") +
      (r.index ? `; search index: ${r.index.upserted} upserted, ${r.index.deleted} removed` : "; search index not updated");
  const tail = r.failed ? `; ${r.failed} files failed (${r.errors.length} errors)` : "";
  const related = r.relations.computed ? `; related questions recomputed for ${r.relations.computed}` : "";
  return `${head}${related}${tail} [read ${secs(r.ms.read)} s, write ${secs(r.ms.write)} s, index ${secs(r.ms.index)} s, related ${secs(r.ms.related)} s]`;
}
