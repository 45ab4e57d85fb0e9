// Tells the web servers which cached pages a batch of applied changes touched (lib/site/page-cache.ts
// explains the tags). A server that does not answer is retried briefly and then left: its pages
// expire on their own within PAGE_TTL_SECONDS, and a restarted server starts with an empty cache.

import { getDb } from "../db/client.ts";
import type { Env } from "../env.ts";
import { storedSecret } from "../secrets.mjs";
import { API_PATHS } from "../urls.ts";
import { type EdgePurge, purgeEdge } from "./edge.ts";

export type PageRevalidation = { urls: string[]; secret: string; log?: (line: string) => void; attempts?: number; edge?: EdgePurge };

/** This installation's settings: REVALIDATE_URLS, REVALIDATE_SECRET or the one kept in DATA_DIR, EDGE_URLS. */
export async function pageRevalidation(env: Env, log?: (line: string) => void): Promise<PageRevalidation> {
  const edge = env.edgeUrls.length ? { urls: env.edgeUrls, db: () => getDb(env.DATABASE_URL), log } : undefined;
  return { urls: env.revalidateUrls, secret: await storedSecret(env, "revalidate"), log, edge };
}

/**
 * Sends the tags (in chunks the endpoint accepts) to every server, then purges the edge caches of the
 * same pages; returns how many servers confirmed them all.
 */
export async function revalidatePages(o: PageRevalidation, tags: string[]): Promise<number> {
  if (!tags.length) return 0;
  let confirmed = o.urls.length;
  for (let i = 0; i < tags.length; i += 2000) confirmed = Math.min(confirmed, await send(o, tags.slice(i, i + 2000)));
  if (o.edge) await purgeEdge(o.edge, tags).catch((e: Error) => o.log?.(`worker: edge cache not purged (${e.message})`));
  return confirmed;
}

async function send(o: PageRevalidation, tags: string[]): Promise<number> {
  const body = JSON.stringify({ tags });
  const results = await Promise.all(
    o.urls.map(async (url) => {
      for (let attempt = 1; attempt <= (o.attempts ?? 3); attempt++) {
        try {
          const res = await fetch(`${url}${API_PATHS.revalidate}`, {
            method: "POST",
            headers: { authorization: `Bearer ${o.secret}`, "content-type": "application/json" },
            body,
            signal: AbortSignal.timeout(5000),
          });
          if (res.ok) return true;
          if (res.status < 500) {
            o.log?.(`worker: ${url} refused the page refresh (${res.status})`);
            return false;
          }
        } catch {
          /* not up yet, or restarting */
        }
        await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
      }
      o.log?.(`worker: ${url} did not answer the page refresh; its pages expire on their own`);
      return false;
    }),
  );
  return results.filter(Boolean).length;
}
