// The only module that talks to Meilisearch: one instance, or several independent ones (MEILI_URLS)
// that the outbox feeds each on its own and that searches fail over between.
import { Meilisearch, MeilisearchApiError, type Index } from "meilisearch";
import type { SearchVocabulary } from "../domain/schema.ts";
import { env } from "../env.ts";
import type { SearchDocument } from "./document.ts";
import { changedSettings, desiredSettings } from "./settings.ts";

export type SearchIndex = Index<SearchDocument>;

const clients = new Map<string, Meilisearch>();

// Node's fetch asks for gzip by default, and a gzipped Meilisearch answer arrives some 40 ms later than
// a plain one (measured: a search 55 ms → 13 ms at 100,000 articles) besides costing both sides CPU.
// Meilisearch sits beside the web servers, where compression saves nothing worth that.
export const UNCOMPRESSED = { "accept-encoding": "identity" };

export function getSearchClient(
  url = env().meiliUrls[0],
  apiKey = env().MEILI_MASTER_KEY,
  opts: { timeout?: number } = {},
): Meilisearch {
  if (!url) throw new Error("MEILI_URL is not set: start the site with `npm start`, or set it to your Meilisearch.");
  const key = `${url}|${apiKey ?? ""}|${opts.timeout ?? ""}`;
  let c = clients.get(key);
  if (!c) {
    c = new Meilisearch({ host: url, apiKey, timeout: opts.timeout, requestInit: { headers: UNCOMPRESSED } });
    clients.set(key, c);
  }
  return c;
}

export function indexName(): string {
  return env().MEILI_INDEX;
}

const instances = new WeakMap<object, { name: string; client: Meilisearch }>();

export function getIndex(client = getSearchClient(), name = indexName()): SearchIndex {
  const index = client.index<SearchDocument>(name);
  instances.set(index, { name: `${client.config.host.replace(/\/$/, "")}/${name}`, client });
  return index;
}

function clientOf(index: SearchIndex): Meilisearch {
  const i = instances.get(index);
  if (!i) throw new Error("an index made without getIndex() has no client");
  return i.client;
}

/** "<instance URL>/<index>": the name under which the feed keeps this index's place in the outbox. */
export function instanceOf(index: SearchIndex): string {
  const i = instances.get(index);
  if (!i) throw new Error("an index made without getIndex() has no instance name");
  return i.name;
}

/** The index on every configured instance (MEILI_URLS, else MEILI_URL), in their configured order. */
export function getIndexes(
  urls = env().meiliUrls,
  apiKey = env().MEILI_MASTER_KEY,
  name = indexName(),
  opts: { timeout?: number } = {},
): SearchIndex[] {
  return urls.map((url) => getIndex(getSearchClient(url, apiKey, opts), name));
}

// An instance that failed a search is tried last for a few seconds, so that searches do not each wait
// for a dead one first.
const DOWN_MS = 5000;
const downUntil = new Map<string, number>();

/** Whether another instance might answer where this one failed: unreachable, timed out, 5xx, no index. */
function worthFailingOver(e: unknown): boolean {
  if (e instanceof MeilisearchApiError) return e.response.status >= 500 || e.cause?.code === "index_not_found";
  return true;
}

/**
 * An index for searching that fails over between instances: the first one that is not known to be down
 * answers; on a failure the next is asked, and the failed one goes to the back for DOWN_MS. With one
 * instance it is that instance's index. Only `search` fails over; use it for reads only.
 */
export function failoverIndex(indexes: SearchIndex[]): SearchIndex {
  if (indexes.length === 1) return indexes[0]!;
  if (!indexes.length) throw new Error("no Meilisearch configured: set MEILI_URL or MEILI_URLS, or start the site with `npm start`.");
  const search = async (...args: Parameters<SearchIndex["search"]>) => {
    const now = Date.now();
    const up = (i: SearchIndex) => (downUntil.get(instanceOf(i)) ?? 0) <= now;
    const order = [...indexes.filter(up), ...indexes.filter((i) => !up(i))];
    let last: unknown;
    for (const index of order) {
      try {
        const res = await index.search(...args);
        downUntil.delete(instanceOf(index));
        return res;
      } catch (e) {
        if (!worthFailingOver(e)) throw e;
        downUntil.set(instanceOf(index), Date.now() + DOWN_MS);
        last = e;
      }
    }
    throw last;
  };
  const first = indexes[0]!;
  return new Proxy(first, {
    get(target, prop) {
      if (prop === "search") return search;
      const v = Reflect.get(target, prop) as unknown;
      // The client's methods use private fields: call them on the real object.
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
}

/**
 * What searches were computed from, as one string: each configured instance's index `updatedAt`, which
 * Meilisearch moves whenever documents or settings change. Cached results are valid while it holds.
 */
export async function indexVersion(indexes = getIndexes()): Promise<string> {
  const infos = await Promise.all(indexes.map((i) => i.getRawInfo()));
  return infos.map((info) => info.updatedAt).join(" ");
}

/** The index searches use: every configured instance behind one failover index. */
export function readIndex(opts: { timeout?: number } = {}): SearchIndex {
  return failoverIndex(getIndexes(undefined, undefined, undefined, opts));
}

const LONG_WAIT = { timeout: 10 * 60_000, interval: 50 };

/** Creates the index when missing and applies settings that differ. Returns the keys it changed. */
export async function ensureIndex(client = getSearchClient(), name = indexName(), vocabulary?: SearchVocabulary): Promise<string[]> {
  try {
    await client.getIndex(name);
  } catch (e) {
    if ((e as { cause?: { code?: string } }).cause?.code !== "index_not_found") throw e;
    await client.createIndex(name, { primaryKey: "id" }).waitTask(LONG_WAIT);
  }
  const index = client.index(name);
  const diff = changedSettings(await index.getSettings(), desiredSettings(vocabulary));
  const keys = Object.keys(diff);
  if (keys.length) {
    const task = await index.updateSettings(diff).waitTask(LONG_WAIT);
    if (task.status !== "succeeded") throw new Error(`Meilisearch settings update failed: ${task.error?.message}`);
  }
  return keys;
}

/** Queues a document upsert without waiting for it to be indexed; returns the task uid. */
export async function enqueueDocuments(index: SearchIndex, docs: SearchDocument[]): Promise<number | null> {
  if (!docs.length) return null;
  return (await index.addDocuments(docs, { primaryKey: "id" })).taskUid;
}

export async function enqueueRemoval(index: SearchIndex, ids: string[]): Promise<number | null> {
  if (!ids.length) return null;
  return (await index.deleteDocuments(ids)).taskUid;
}

/** Removes every document (the document shape changed: everything is sent again). */
export async function clearIndex(index: SearchIndex) {
  await awaitTask(index, (await index.deleteAllDocuments()).taskUid);
}

/** Whether the index holds no document (one document fetched, not the costly full stats). */
export async function indexIsEmpty(index: SearchIndex): Promise<boolean> {
  return (await index.getDocuments({ limit: 1, fields: ["id"] })).total === 0;
}

/** Waits for a queued task; throws when it failed. */
export async function awaitTask(index: SearchIndex, uid: number) {
  const task = await index.tasks.waitForTask(uid, LONG_WAIT);
  if (task.status !== "succeeded") throw new Error(`Meilisearch task ${uid} ${task.status}: ${task.error?.message ?? ""}`);
}

/** Resolves when at least one configured instance answers its health check; rejects otherwise. */
export async function searchHealth(timeout = 1000): Promise<void> {
  const urls = env().meiliUrls;
  if (!urls.length) throw new Error("no Meilisearch configured");
  await Promise.any(urls.map((u) => getSearchClient(u, env().MEILI_MASTER_KEY, { timeout }).health()));
}

/** Whether the index exists on its instance. */
export async function indexExists(index: SearchIndex): Promise<boolean> {
  try {
    await index.getRawInfo();
    return true;
  } catch (e) {
    if (e instanceof MeilisearchApiError && e.cause?.code === "index_not_found") return false;
    throw e;
  }
}

/** The uid of the newest task the instance knows (null when it has none: a new or wiped instance). */
export async function latestTaskUid(index: SearchIndex): Promise<number | null> {
  return (await index.tasks.getTasks({ limit: 1 })).results[0]?.uid ?? null;
}

/** Creates the index with its settings when it is missing (ensureIndex for an index at hand). */
export async function ensureIndexOf(index: SearchIndex, vocabulary?: SearchVocabulary): Promise<void> {
  await ensureIndex(clientOf(index), index.uid, vocabulary);
}

/**
 * Replaces the index wholesale without a moment of missing or half-filled results: `fill` writes every
 * document into a fresh index beside it (with the vocabulary's settings, or the live index's), which
 * is then swapped in, atomically, and the old one dropped.
 */
export async function replaceIndex(index: SearchIndex, fill: (fresh: SearchIndex) => Promise<void>, vocabulary?: SearchVocabulary): Promise<void> {
  const client = clientOf(index);
  const freshName = `${index.uid}__rebuild`;
  const drop = async (name: string) => {
    const task = await client.deleteIndex(name).waitTask(LONG_WAIT);
    if (task.status !== "succeeded" && task.error?.code !== "index_not_found") throw new Error(`Meilisearch could not drop ${name}: ${task.error?.message}`);
  };
  await drop(freshName);
  const exists = await indexExists(index);
  const wanted = desiredSettings(vocabulary);
  let settings = wanted;
  if (!vocabulary && exists) {
    const live = (await index.getSettings()) as Record<string, unknown>;
    settings = Object.fromEntries(Object.keys(wanted).map((k) => [k, live[k]]));
  }
  const created = await client.createIndex(freshName, { primaryKey: "id" }).waitTask(LONG_WAIT);
  if (created.status !== "succeeded") throw new Error(`Meilisearch could not create ${freshName}: ${created.error?.message}`);
  const set = await client.index(freshName).updateSettings(settings).waitTask(LONG_WAIT);
  if (set.status !== "succeeded") throw new Error(`Meilisearch settings update failed: ${set.error?.message}`);
  await fill(getIndex(client, freshName));
  // With rename (no live index yet) the first is renamed to the second.
  const swapped = await client.swapIndexes([{ indexes: [freshName, index.uid], rename: !exists }]).waitTask(LONG_WAIT);
  if (swapped.status !== "succeeded") throw new Error(`Meilisearch could not swap in the rebuilt index: ${swapped.error?.message}`);
  if (exists) await drop(freshName);
}

/** Asks the instance for a dump (written into its own dump folder); returns the dump's uid when done. */
export async function createDump(url: string, apiKey?: string): Promise<string> {
  const task = await getSearchClient(url, apiKey).createDump().waitTask(LONG_WAIT);
  const uid = (task.details as { dumpUid?: string } | undefined)?.dumpUid;
  if (task.status !== "succeeded" || !uid) throw new Error(`Meilisearch dump failed: ${task.error?.message ?? task.status}`);
  return uid;
}

/** How many documents the index holds (one document fetched, not the costly full stats). */
export async function documentCount(index: SearchIndex): Promise<number> {
  return (await index.getDocuments({ limit: 1, fields: ["id"] })).total;
}
