// The drug index (`${MEILI_INDEX}-drugs`): one document per drug page, with its names, their pinyin,
// initials and pinyin bigrams (for one-character slips), and what a search card shows, so that a card
// needs no Postgres read. Rebuilt whole from Postgres when its version differs (lib/catalogue/import.ts).
import { type FederatedMultiSearchParams, MeilisearchApiError, type Settings } from "meilisearch";
import { env } from "../env.ts";
import { getIndex, getSearchClient, indexName, type SearchIndex } from "./client.ts";

/** What a search card shows of a drug, as of one edition. */
export type DrugCardData = {
  edition: { label: string; effective: string; title: string };
  entries: { section: string; no: string; name: string; dosageForm: string | null; class: string; restriction: string | null; paymentStandard: string | null; agreementPeriod: string | null }[];
};

export type DrugDocument = {
  id: string;
  name: string;
  /** Every name a reader may type (stacked names, alternative names, covered products). */
  names: string[];
  /** Each name's toneless syllables ("er jia shuang gua"). */
  syllables: string[];
  /** Each name's initials ("ejsg"). */
  initials: string[];
  /** Each name's pinyin run together and with one syllable left out ("erjiashuanggua jiashuanggua
   * ershuanggua …"): a query with one character wrong, missing or extra shares one of these with the
   * name it misspells (a symmetric-deletion index, as spelling correctors use). */
  variants: string;
  card: DrugCardData;
  /** The catalogue state the index was built from: every document carries it (the index is swapped in whole). */
  v: string;
};

export function drugIndexName(base = indexName()): string {
  return `${base}-drugs`;
}

/** The syllables run together, and (from three syllables on) each way of leaving one out. */
export function slipVariants(syllables: string[]): string[] {
  const out = new Set([syllables.join("")]);
  if (syllables.length >= 3) syllables.forEach((_, i) => out.add([...syllables.slice(0, i), ...syllables.slice(i + 1)].join("")));
  return [...out].filter(Boolean);
}

export function drugSettings(): Settings {
  return {
    searchableAttributes: ["names", "initials", "syllables", "variants"],
    // The variants are exact forms already; typo tolerance on them would only add noise.
    typoTolerance: { disableOnAttributes: ["variants", "initials"] },
    displayedAttributes: ["*"],
    rankingRules: ["words", "typo", "proximity", "attribute", "exactness"],
    localizedAttributes: [{ attributePatterns: ["names"], locales: ["cmn"] }],
    // No `dictionary` of the drug names: with ~1,900 custom words Meilisearch 1.21 spent ~50 ms per
    // search building its segmenter (measured: 20–70 ms against 0–1 ms without). A name split into
    // several tokens still matches; lib/catalogue/match.ts decides what the query names.
    pagination: { maxTotalHits: 100 },
  };
}

const LONG_WAIT = { timeout: 10 * 60_000, interval: 50 };

async function versionOf(index: SearchIndex): Promise<{ v: string | null; count: number } | null> {
  try {
    const r = await index.getDocuments({ limit: 1, fields: ["v"] });
    return { v: (r.results[0] as { v?: string } | undefined)?.v ?? null, count: r.total };
  } catch (e) {
    if (e instanceof MeilisearchApiError && e.cause?.code === "index_not_found") return null;
    throw e;
  }
}

/**
 * Makes the drug index on one instance hold exactly `docs`: nothing happens when it already holds this
 * version and count; otherwise a fresh index is filled beside it and swapped in, so searches never see
 * it half built. Returns whether it was rebuilt.
 */
export async function syncDrugIndex(url: string, apiKey: string | undefined, name: string, docs: DrugDocument[], version: string): Promise<boolean> {
  const client = getSearchClient(url, apiKey);
  const live = getIndex(client, name);
  const now = await versionOf(live);
  if (now && now.v === version && now.count === docs.length) return false;
  const fresh = `${name}__rebuild`;
  const check = (t: { status: string; error?: { message?: string; code?: string } | null }, what: string, allow?: string) => {
    if (t.status !== "succeeded" && t.error?.code !== allow) throw new Error(`Meilisearch ${what} failed: ${t.error?.message ?? t.status}`);
  };
  check(await client.deleteIndex(fresh).waitTask(LONG_WAIT), `dropping ${fresh}`, "index_not_found");
  check(await client.createIndex(fresh, { primaryKey: "id" }).waitTask(LONG_WAIT), `creating ${fresh}`);
  const index = client.index<DrugDocument>(fresh);
  check(await index.updateSettings(drugSettings()).waitTask(LONG_WAIT), "drug index settings");
  if (docs.length) check(await index.addDocuments(docs, { primaryKey: "id" }).waitTask(LONG_WAIT), "adding drug documents");
  check(await client.swapIndexes([{ indexes: [fresh, name], rename: !now }]).waitTask(LONG_WAIT), "swapping in the drug index");
  if (now) check(await client.deleteIndex(fresh).waitTask(LONG_WAIT), `dropping ${fresh}`, "index_not_found");
  return true;
}

export type DrugQuery = { q: string; on: ("names" | "initials" | "syllables" | "variants")[]; strategy: "last" | "all" | "frequency"; weight?: number };

export type DrugTarget = { urls: string[]; apiKey?: string; name: string; timeout?: number };

export function drugTarget(opts: { timeout?: number } = {}): DrugTarget {
  return { urls: env().meiliUrls, apiKey: env().MEILI_MASTER_KEY, name: drugIndexName(), timeout: opts.timeout };
}

/**
 * Every candidate query in one federated multi-search (one request, results merged by score), on the
 * first instance that answers (MEILI_URLS, in order). Documents in merged order, each once.
 */
export async function searchDrugs(target: DrugTarget, queries: DrugQuery[]): Promise<DrugDocument[]> {
  let last: unknown;
  for (const url of target.urls) {
    try {
      const params: FederatedMultiSearchParams = {
        federation: { limit: 40 },
        queries: queries.map((q) => ({
          indexUid: target.name,
          q: q.q,
          attributesToSearchOn: q.on,
          matchingStrategy: q.strategy,
          ...(q.on.includes("names") ? { locales: ["cmn" as const] } : {}),
          federationOptions: { weight: q.weight ?? 1 },
        })),
      };
      const res = await getSearchClient(url, target.apiKey, { timeout: target.timeout }).multiSearch<FederatedMultiSearchParams, DrugDocument>(params);
      const seen = new Set<string>();
      return (res.hits as unknown as DrugDocument[]).filter((h) => !seen.has(h.id) && (seen.add(h.id), true));
    } catch (e) {
      // No drug list imported (yet) on this instance: no cards, not a failure.
      if (e instanceof MeilisearchApiError && e.cause?.code === "index_not_found") return [];
      last = e;
    }
  }
  throw last ?? new Error("no Meilisearch configured");
}

/**
 * Every adjacent pair of syllables of every indexed name ("erjia", "jiashuang", …; a one-syllable name
 * alone): a query none of whose pairs is here cannot name a drug, even with one character wrong (a name
 * of four or more characters keeps a pair through one slip, a three-character one only takes a slip
 * that sounds the same). Null when the index does not exist.
 */
export async function drugSoundPairs(target: DrugTarget): Promise<Set<string> | null> {
  let last: unknown;
  for (const url of target.urls) {
    try {
      const index = getSearchClient(url, target.apiKey, { timeout: target.timeout }).index<DrugDocument>(target.name);
      const out = new Set<string>();
      for (let offset = 0; ; offset += 1000) {
        const page = await index.getDocuments({ fields: ["syllables"], limit: 1000, offset });
        for (const d of page.results) for (const s of d.syllables) for (const pair of soundPairs(s.split(" "))) out.add(pair);
        if (offset + 1000 >= page.total) break;
      }
      return out;
    } catch (e) {
      if (e instanceof MeilisearchApiError && e.cause?.code === "index_not_found") return null;
      last = e;
    }
  }
  throw last ?? new Error("no Meilisearch configured");
}

export function soundPairs(syllables: string[]): string[] {
  return syllables.length < 2 ? [...syllables] : syllables.slice(1).map((s, i) => `${syllables[i]}${s}`);
}

/** The drug index's `updatedAt` on each instance, "-" where it does not exist yet (cached searches key on it). */
export async function drugIndexVersion(indexes: SearchIndex[]): Promise<string> {
  const infos = await Promise.all(
    indexes.map((i) =>
      i.getRawInfo().then(
        (info) => String(info.updatedAt),
        (e) => {
          if (e instanceof MeilisearchApiError && e.cause?.code === "index_not_found") return "-";
          throw e;
        },
      ),
    ),
  );
  return infos.join(" ");
}
