// content/ → Postgres (+ outbox) → Meilisearch: the file channel. It creates, updates and deletes only
// the articles and advisors that came from files; what the web app wrote is never touched, and a file
// claiming the slug of a web article is reported and skipped. Incremental: unchanged files are
// recognised by size and mtime (then content hash) and never parsed; a bad file is reported and skipped,
// and its stored article is kept. One ingest at a time per database (an advisory lock).
import "server-only";
import { randomUUID } from "node:crypto";
import { statSync } from "node:fs";
import { join } from "node:path";
import { advisorIds, syncFileAdvisors } from "../articles/advisors.ts";
import { fileFingerprints, webClaims } from "../articles/read.ts";
import { toRecord } from "../articles/record.ts";
import type { RelationsReport } from "../articles/relations.ts";
import { deleteArticles, saveArticles, type SaveItem, touchFileSources } from "../articles/save.ts";
import { type Db, getDb } from "../db/client.ts";
import { acquireLock } from "../db/lock.ts";
import type { ContentIssue } from "../domain/schema.ts";
import { afterChanges, revalidateChanged } from "../outbox/drain.ts";
import type { PageRevalidation } from "../outbox/pages.ts";
import { type ChangedBatch, feedSearch, type FeedReport, searchFeedLock } from "../outbox/search-feed.ts";
import { instanceOf, type SearchIndex } from "../search/client.ts";
import type { SearchVocabulary } from "../domain/schema.ts";
import { crossCheck } from "./cross-check.ts";
import { hashText, listQuestionFiles, loadConfig, notUtf8Issue, readUtf8 } from "./load.ts";
import { parseQuestion } from "./parse.ts";

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
  index: FeedReport | null;
  /** Why the search index was not updated (e.g. Meilisearch unreachable); the outbox keeps the changes. */
  indexError?: string;
  relations: RelationsReport;
  advisors: { changed: number; removed: number };
  ms: { read: number; write: number; index: number; related: number };
};

export type IngestOptions = {
  contentDir: string;
  databaseUrl: string;
  /** Omit to leave the outbox to the worker (e.g. Meilisearch is down); several instances are fed side by side. */
  index?: SearchIndex | SearchIndex[];
  /** The search vocabulary, for an index a rebuild has to create. */
  vocabulary?: SearchVocabulary;
  batchSize?: number;
  onProgress?: (p: IngestProgress) => void;
  /** Called once when another ingest holds the database and this one waits for it. */
  onWait?: () => void;
  /** Synonym groups from content/search/vocabulary.yaml, for related-question similarity. */
  synonyms?: string[][];
  /** Running web servers whose cached pages the changes make stale (none while `npm start` boots). */
  pages?: PageRevalidation;
};

const READ_CONCURRENCY = 64;
const CONTEXT_KEY = "parse_context";
export const INGEST_LOCK = "ingest";

export async function ingestContent(opts: IngestOptions): Promise<IngestReport> {
  const lock = await acquireLock(opts.databaseUrl, INGEST_LOCK, { wait: true, onWait: opts.onWait });
  try {
    return await ingestLocked(opts, getDb(opts.databaseUrl));
  } finally {
    await lock!.release();
  }
}

/** Line of the `slug:` field, else 1 (the slug came from the file name). */
function slugLine(text: string): number {
  const m = /^slug\s*:/m.exec(text.slice(0, 4000));
  return m ? text.slice(0, m.index).split("\n").length : 1;
}

async function ingestLocked(opts: IngestOptions, db: Db): Promise<IngestReport> {
  const { contentDir } = opts;
  const progress = opts.onProgress ?? (() => {});
  const t0 = performance.now();
  const config = await loadConfig(contentDir);
  const errors: ContentIssue[] = [...config.errors];
  const warnings: ContentIssue[] = [];

  const [allFiles, fingerprints, lastContext, web, storedAdvisors] = await Promise.all([
    listQuestionFiles(contentDir),
    fileFingerprints(db),
    db.appState.findUnique({ where: { key: CONTEXT_KEY } }),
    webClaims(db),
    advisorIds(db),
  ]);
  const taken = web.slugs;
  const files = allFiles.filter((f) => !web.adoptedFiles.has(f));
  for (const f of allFiles.filter((f) => web.adoptedFiles.has(f))) {
    warnings.push({ file: f, message: `"${web.adoptedFiles.get(f)}" has been edited in the web app; this file is no longer read (npm run content:export -- ${web.adoptedFiles.get(f)} --out DIR writes the current version)` });
  }
  // Answers in files may name web advisors too; a file advisor is known even before its first sync.
  const context = { ...config.context, advisors: new Set([...config.context.advisors, ...storedAdvisors]) };
  // A changed topic vocabulary changes how every file parses: read them all this once.
  const sameContext = lastContext?.value === config.parseContext;
  const byPath = new Map(fingerprints.map((r) => [r.source_path, r]));
  const bySlug = new Map(fingerprints.map((r) => [r.slug, r]));
  const present = new Set(files);
  const knownIds = new Set(fingerprints.map((r) => r.id));

  type Outcome = { file: string; unchanged?: true; changed?: SaveItem; failed?: true };
  const outcomes: Outcome[] = new Array(files.length);
  const touched: { id: string; mtime: number; size: number }[] = [];
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const file = files[i]!;
      const path = join(contentDir, file);
      const prior = byPath.get(file);
      // Synchronous: for 100,000 files a tight loop of stat calls is twice as fast as promised ones.
      const st = statSync(path, { throwIfNoEntry: false });
      if (!st) outcomes[i] = { file, failed: true }; // deleted while this run was listing: kept this time
      // Same size and modification time as when last read: unchanged, without reading it.
      else if (sameContext && prior && prior.source_mtime === st.mtimeMs && prior.source_size === st.size) outcomes[i] = { file, unchanged: true };
      else {
        let text: string | undefined;
        try {
          text = await readUtf8(path, file);
        } catch (e) {
          errors.push(notUtf8Issue(e)); // reported and skipped like a file that does not parse
        }
        const hash = text === undefined ? "" : hashText(text, config.parseContext);
        if (text === undefined) outcomes[i] = { file, failed: true };
        else if (prior?.source_hash === hash) {
          outcomes[i] = { file, unchanged: true };
          touched.push({ id: prior.id, mtime: st.mtimeMs, size: st.size });
        } else {
          const r = parseQuestion(file, text, context);
          warnings.push(...r.warnings);
          if (!r.ok) {
            errors.push(...r.errors);
            outcomes[i] = { file, failed: true };
          } else if (taken.has(r.article.slug)) {
            errors.push({ file, line: slugLine(text), field: "slug", message: `slug "${r.article.slug}" belongs to an article written in the web app; this file was skipped (give it another slug)` });
            outcomes[i] = { file, failed: true };
          } else {
            // The same article as before when its file is known, or its slug after the file moved.
            const moved = bySlug.get(r.article.slug);
            const id = prior?.id ?? (moved && !present.has(moved.source_path) ? moved.id : randomUUID());
            outcomes[i] = { file, changed: { id, record: toRecord(r.article), origin: "file", by: `file:${file}`, file: { path: file, hash, mtime: st.mtimeMs, size: st.size } } };
          }
        }
      }
      if (++done % 500 === 0 || done === files.length) progress({ phase: "read", done, total: files.length });
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));

  // Stored articles whose files are unchanged or failed to parse come first: a file newly claiming
  // their slug is the one reported and skipped, never silently written over them.
  const stored = (o: Outcome) => (o.unchanged || o.failed ? byPath.get(o.file) : undefined);
  const entries = [
    ...outcomes.filter((o) => stored(o)).map((o) => ({ file: o.file, slug: stored(o)!.slug, related: [] as string[] })),
    ...outcomes.filter((o) => o.changed).map((o) => ({ file: o.file, slug: o.changed!.record.slug, related: o.changed!.record.related })),
  ];
  const cross = crossCheck(entries);
  errors.push(...cross.errors);
  warnings.push(...cross.warnings);
  const changed = outcomes.filter((o) => o.changed && !cross.duplicates.has(o.file)).map((o) => o.changed!);

  // Keep what exists for files that failed or were skipped, so a mistake never takes an article off the site.
  const keep = new Set(changed.map((c) => c.id));
  for (const o of outcomes) {
    const prior = byPath.get(o.file);
    if (prior && (o.unchanged || o.failed || cross.duplicates.has(o.file))) keep.add(prior.id);
  }
  const deleted = fingerprints.filter((r) => !keep.has(r.id)).map((r) => r.id);
  const tRead = performance.now();

  // Advisors first: answers reference them.
  const adv = await syncFileAdvisors(db, config.advisors);
  for (const id of adv.stillUsed) {
    errors.push({ file: `advisors/${id}.yaml`, message: `advisor "${id}" was removed but answers still refer to it; kept until they change` });
  }
  for (const id of adv.clashes) {
    errors.push({ file: `advisors/${id}.yaml`, message: `advisor "${id}" is a profile created in the web app; this file was skipped` });
  }

  // Meilisearch indexes on its own core while this process writes the next batches: the feed runs
  // alongside the writes and finishes after the last one. It holds the feed lock, so the worker of a
  // running `npm start` waits for it instead of feeding the same rows.
  let writing = true;
  let index: FeedReport | null = null;
  const changes: ChangedBatch[] = [];
  let indexError: string | undefined;
  const indexes = opts.index === undefined ? [] : Array.isArray(opts.index) ? opts.index : [opts.index];
  const feedLocks = await Promise.all(indexes.map((ix) => acquireLock(opts.databaseUrl, searchFeedLock(ix), { wait: true })));
  const feedErrors: string[] = [];
  const feeding = Promise.all(
    indexes.map((ix, n) =>
      feedSearch(db, ix, feedLocks[n]!, {
        more: () => writing,
        vocabulary: opts.vocabulary,
        force: true,
        // Pages need telling once, not once per instance.
        onChanged: n === 0 ? (b) => void changes.push(b) : undefined,
        // Progress follows the first instance; the others run alongside.
        onBatch: n === 0 ? (done) => progress({ phase: "index", done, total: Math.max(done, changed.length + deleted.length) }) : undefined,
      }).then(
        (r) => void (n === 0 && (index = r)),
        // Postgres has the content; the outbox rows stay for the worker or the next ingest.
        (e: Error) => void feedErrors.push(indexes.length > 1 ? `${instanceOf(ix)}: ${e.message}` : e.message),
      ),
    ),
  );
  const batchSize = opts.batchSize ?? 1000;
  let tWrite = 0;
  try {
    await deleteArticles(db, deleted, "file");
    for (let i = 0; i < changed.length; i += batchSize) {
      await saveArticles(db, changed.slice(i, i + batchSize));
      progress({ phase: "write", done: Math.min(i + batchSize, changed.length), total: changed.length });
    }
    await touchFileSources(db, touched);
    if (!sameContext) {
      await db.appState.upsert({
        where: { key: CONTEXT_KEY },
        create: { key: CONTEXT_KEY, value: config.parseContext },
        update: { value: config.parseContext, updatedAt: new Date() },
      });
    }
    tWrite = performance.now();
  } finally {
    writing = false;
    await feeding;
    await Promise.all(feedLocks.map((l) => l?.release()));
    if (feedErrors.length) indexError = feedErrors.join("; ");
  }
  const tIndex = performance.now();

  await revalidateChanged(opts.pages, changes);
  // The worker's reactions after the search feed, run here once so that ingest ends in the same state.
  const after = await afterChanges(opts.databaseUrl, db, { synonyms: opts.synonyms ?? [], pages: opts.pages, wait: true });
  if (after.lexiconError) warnings.push({ file: "search/vocabulary.yaml", message: `search lexicon not rebuilt (${after.lexiconError}); the worker will retry` });
  const relations = after.relations ?? { computed: 0, all: false, changed: [] };
  const tRelated = performance.now();

  const added = changed.filter((c) => !knownIds.has(c.id)).length;
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
