// Index settings live here, in code, and are applied only when they differ from the live index.
import type { Settings } from "meilisearch";

export function desiredSettings(): Settings {
  return {
    // Order matters: a match in the title outranks one in the asker's description, topics, then answers.
    searchableAttributes: ["title", "question", "topics", "regionNames", "answers"],
    filterableAttributes: ["region", "province", "city", "insurance", "topics", "year", "status"],
    sortableAttributes: ["published", "updated"],
    displayedAttributes: ["*"],
    // Short all-Han strings are otherwise sometimes detected as Japanese and segmented wrongly.
    localizedAttributes: [{ attributePatterns: ["*"], locales: ["cmn"] }],
    pagination: { maxTotalHits: 1000 },
    faceting: { maxValuesPerFacet: 200 },
  };
}

/** Keys of `desired` whose live value differs. Objects compare only the fields we set (the live index
 * fills in defaults for the rest); arrays and scalars compare exactly. */
export function changedSettings(live: Settings, desired: Settings): Settings {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(desired)) {
    if (!covers(value, (live as Record<string, unknown>)[key])) out[key] = value;
  }
  return out as Settings;
}

function covers(desired: unknown, live: unknown): boolean {
  if (desired && typeof desired === "object" && !Array.isArray(desired)) {
    if (!live || typeof live !== "object") return false;
    return Object.entries(desired).every(([k, v]) => covers(v, (live as Record<string, unknown>)[k]));
  }
  return JSON.stringify(desired) === JSON.stringify(live);
}
