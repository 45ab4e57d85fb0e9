// content/ → Postgres (+ outbox) → Meilisearch. Incremental: unchanged files are recognised by their
// content hash and never parsed; a bad file is reported and skipped, and its stored article is kept.
import { statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { crossCheck } from "../content/cross-check.ts";
import { hashText, listQuestionFiles, loadConfig } from "../content/load.ts";
import { type ContentIssue, parseQuestion } from "../content/parse.ts";
import type { Db } from "../db/client.ts";
import type { SearchIndex } from "../search/client.ts";
import { type DrainReport, drainOutbox, requeueIfStale } from "../search/outbox.ts";
import { articleFingerprints } from "./read.ts";
import { type RelationsReport, refreshRelations } from "./relations.ts";
import { type ChangedArticle, deleteArticles, syncAdvisors, touchSources, writeArticles } from "./write.ts";

export type IngestProgress = { phase: "read" | "write" | "index" | "related"; done: number; total: number };

export type IngestReport = {
  files: number;
  added: number;
  updated: number;
  unchanged: number;
  deleted: number;
  failed: number;
  errors: ContentIssue[];
  warnings: ContentIssue[];
  index: DrainReport | null;
  /** Why the search index was not updated (e.g. Meilisearch unreachable); the outbox keeps the changes. */
  indexError?: string;
  relations: RelationsReport;
  advisors: { changed: number; removed: number };
  ms: { read: number; write: number; index: number; related: number };
};

export type IngestOptions = {
  contentDir: string;
  db: Db;
  /** Omit to leave the outbox for a later drain (e.g. Meilisearch is down). */
  index?: SearchIndex;
  batchSize?: number;
  onProgress?: (p: IngestProgress) => void;
  /** Synonym groups from content/search/vocabulary.yaml, for related-question similarity. */
  synonyms?: string[][];
};

const READ_CONCURRENCY = 64;
const CONTEXT_KEY = "parse_context";

export async function ingestContent(opts: IngestOptions): Promise<IngestReport> {
  const { contentDir, db } = opts;
  const progress = opts.onProgress ?? (() => {});
  const t0 = performance.now();
  const config = await loadConfig(contentDir);
  const errors: ContentIssue[] = [...config.errors];
  const warnings: ContentIssue[] = [];

  const [files, fingerprints, lastContext] = await Promise.all([
    listQuestionFiles(contentDir),
    articleFingerprints(db),
    db.appState.findUnique({ where: { key: CONTEXT_KEY } }),
  ]);
  // A changed topic vocabulary changes how every file parses: read them all this once.
  const sameContext = lastContext?.value === config.parseContext;
  const known = new Map(fingerprints.map((r) => [r.source_path, r]));
  const knownSlugs = new Set([...known.values()].map((r) => r.slug));

  type Outcome = { file: string; unchanged?: string; changed?: ChangedArticle; failed?: true };
  const outcomes: Outcome[] = new Array(files.length);
  const touched: { slug: string; mtime: number; size: number }[] = [];
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const file = files[i]!;
      const path = join(contentDir, file);
      const prior = known.get(file);
      // Synchronous: for 100,000 files a tight loop of stat calls is twice as fast as promised ones.
      const st = statSync(path, { throwIfNoEntry: false });
      if (!st) {
        // Deleted while this run was listing: treated like a failed read, its article is kept this time.
        outcomes[i] = { file, failed: true };
        done++;
        continue;
      }
      // Same size and modification time as when last read: unchanged, without reading it.
      if (sameContext && prior && prior.source_mtime === st.mtimeMs && prior.source_size === st.size) outcomes[i] = { file, unchanged: prior.slug };
      else {
        const text = await readFile(path, "utf8");
        const hash = hashText(text, config.parseContext);
        if (prior?.content_hash === hash) {
          outcomes[i] = { file, unchanged: prior.slug };
          touched.push({ slug: prior.slug, mtime: st.mtimeMs, size: st.size });
        } else {
          const r = parseQuestion(file, text, config.context);
          warnings.push(...r.warnings);
          if (r.ok) outcomes[i] = { file, changed: { article: r.article, sourcePath: file, hash, mtime: st.mtimeMs, size: st.size } };
          else {
            errors.push(...r.errors);
            outcomes[i] = { file, failed: true };
          }
        }
      }
      if (++done % 500 === 0 || done === files.length) progress({ phase: "read", done, total: files.length });
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));

  // Stored articles whose files are unchanged or failed to parse come first: a file newly claiming
  // their slug is the one reported and skipped, never silently written over them.
  const storedSlug = (o: Outcome) => o.unchanged ?? (o.failed ? known.get(o.file)?.slug : undefined);
  const entries = [
    ...outcomes.filter((o) => storedSlug(o)).map((o) => ({ file: o.file, slug: storedSlug(o)!, related: [] as string[] })),
    ...outcomes.filter((o) => o.changed).map((o) => ({ file: o.file, slug: o.changed!.article.slug, related: o.changed!.article.related })),
  ];
  const cross = crossCheck(entries);
  errors.push(...cross.errors);
  warnings.push(...cross.warnings);
  const changed = outcomes.filter((o) => o.changed && !cross.duplicates.has(o.file)).map((o) => o.changed!);

  // Keep what exists for files that failed or were skipped, so a mistake never takes an article off the site.
  const keep = new Set(entries.filter((e) => !cross.duplicates.has(e.file)).map((e) => e.slug));
  for (const o of outcomes) {
    const prior = known.get(o.file);
    if (prior && (o.failed || cross.duplicates.has(o.file))) keep.add(prior.slug);
  }
  const deleted = [...knownSlugs].filter((s) => !keep.has(s));
  const tRead = performance.now();

  // Before this run's writes: on a new database nothing is queued twice; after a document-shape change
  // every stored article is queued once. An unreachable Meilisearch is handled at the drain below.
  let requeued = 0;
  if (opts.index) requeued = await requeueIfStale(db, opts.index).catch(() => 0);

  // Advisors first: answers reference them.
  const adv = await syncAdvisors(db, config.advisors);
  for (const id of adv.stillUsed) {
    errors.push({ file: `advisors/${id}.yaml`, message: `advisor "${id}" was removed but answers still refer to it; kept until they change` });
  }
  // Meilisearch indexes on its own core while this process writes the next batches: the drain runs
  // alongside the writes and finishes after the last one.
  let writing = true;
  let index: DrainReport | null = null;
  let indexError: string | undefined;
  const pendingIndex = Math.max(changed.length + deleted.length, requeued);
  const draining = opts.index
    ? drainOutbox(db, opts.index, { more: () => writing, onBatch: (n) => progress({ phase: "index", done: n, total: Math.max(n, pendingIndex) }) }).then(
        (r) => (index = r),
        // Postgres has the content; the outbox rows stay until the next drain reaches Meilisearch.
        (e: Error) => (indexError = e.message),
      )
    : Promise.resolve();
  const batchSize = opts.batchSize ?? 1000;
  try {
    for (let i = 0; i < changed.length; i += batchSize) {
      await writeArticles(db, changed.slice(i, i + batchSize));
      progress({ phase: "write", done: Math.min(i + batchSize, changed.length), total: changed.length });
    }
    await deleteArticles(db, deleted);
    await touchSources(db, touched);
  } finally {
    writing = false;
  }
  if (!sameContext) {
    await db.appState.upsert({
      where: { key: CONTEXT_KEY },
      create: { key: CONTEXT_KEY, value: config.parseContext },
      update: { value: config.parseContext, updatedAt: new Date() },
    });
  }
  const tWrite = performance.now();
  await draining;
  const tIndex = performance.now();

  const relations = await refreshRelations(
    db,
    { changed: changed.map((c) => c.article.slug), deleted, synonyms: opts.synonyms ?? [] },
    (done, total) => progress({ phase: "related", done, total }),
  );
  const tRelated = performance.now();

  const added = changed.filter((c) => !knownSlugs.has(c.article.slug)).length;
  return {
    files: files.length,
    added,
    updated: changed.length - added,
    unchanged: outcomes.filter((o) => o.unchanged).length,
    deleted: deleted.length,
    failed: outcomes.filter((o) => o.failed).length + cross.duplicates.size,
    errors,
    warnings,
    index,
    indexError,
    relations,
    advisors: { changed: adv.changed, removed: adv.removed },
    ms: { read: tRead - t0, write: tWrite - tRead, index: tIndex - tWrite, related: tRelated - tIndex },
  };
}
