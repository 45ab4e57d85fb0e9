// The only module that talks to Meilisearch.
import { Meilisearch, type Index } from "meilisearch";
import type { SearchVocabulary } from "../domain/schema.ts";
import { env } from "../env.ts";
import type { SearchDocument } from "./document.ts";
import { changedSettings, desiredSettings } from "./settings.ts";

export type SearchIndex = Index<SearchDocument>;

const clients = new Map<string, Meilisearch>();

export function getSearchClient(
  url = env().MEILI_URL,
  apiKey = env().MEILI_MASTER_KEY,
  opts: { timeout?: number } = {},
): Meilisearch {
  if (!url) throw new Error("MEILI_URL is not set: start the site with `npm start`, or set it to your Meilisearch.");
  const key = `${url}|${apiKey ?? ""}|${opts.timeout ?? ""}`;
  let c = clients.get(key);
  if (!c) {
    c = new Meilisearch({ host: url, apiKey, timeout: opts.timeout });
    clients.set(key, c);
  }
  return c;
}

export function indexName(): string {
  return env().MEILI_INDEX;
}

export function getIndex(client = getSearchClient(), name = indexName()): SearchIndex {
  return client.index<SearchDocument>(name);
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
