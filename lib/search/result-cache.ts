// Results of recent searches, valid for one version of what they were computed from. Most searches
// repeat a few popular wordings, and each costs the engine and the web server several milliseconds of
// CPU; a repeat is served from memory until the index changes. The version (Meilisearch's index
// `updatedAt`) is read at most every `checkEveryMs`, so a published answer reaches cached searches that
// much later at most. A result is kept under the version that was current before it was computed: one
// computed while the index changed is dropped at the next check instead of outliving the change.
import { LRUCache } from "lru-cache";

export type ResultCache<T extends object> = {
  /** The cached value for `key`, or `compute()`'s, kept when `keep(value)` says so. */
  get(key: string, compute: () => Promise<T>, keep?: (value: T) => boolean): Promise<{ value: T; cached: boolean }>;
  /** Entries held now (for tests and diagnostics). */
  readonly size: number;
};

export function resultCache<T extends object>(opts: {
  /** The version of the source; a rejection means "unknown": nothing is served from or kept in the cache. */
  version: () => Promise<string>;
  checkEveryMs: number;
  maxEntries: number;
  now?: () => number;
}): ResultCache<T> {
  const now = opts.now ?? (() => performance.now());
  const entries = new LRUCache<string, { version: string; value: T }>({ max: opts.maxEntries });
  let known: { at: number; version: Promise<string | null> } | undefined;
  let last: string | null = null;

  function currentVersion(): Promise<string | null> {
    if (!known || now() - known.at >= opts.checkEveryMs) {
      // Entries of another version can never be served again: drop them at once rather than one by one.
      const version = opts.version().then(
        (v) => {
          if (v !== last) entries.clear();
          return (last = v);
        },
        () => {
          entries.clear();
          return (last = null);
        },
      );
      known = { at: now(), version };
    }
    return known.version;
  }

  return {
    async get(key, compute, keep = () => true) {
      const version = await currentVersion();
      const hit = version === null ? undefined : entries.get(key);
      if (hit && hit.version === version) return { value: hit.value, cached: true };
      const value = await compute();
      if (version !== null && keep(value)) entries.set(key, { version, value });
      return { value, cached: false };
    },
    get size() {
      return entries.size;
    },
  };
}
