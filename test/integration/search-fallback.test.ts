// Degraded mode: stop the real Meilisearch mid-run, search keeps working from Postgres; restart it and
// search returns to normal with nothing lost (changes made meanwhile wait in the outbox).
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestContent } from "../../lib/content/ingest.ts";
import { getPublicArticle } from "../../lib/articles/read.ts";
import { closeDb, getDb } from "../../lib/db/client.ts";
import { ensureIndex, getIndex, getSearchClient } from "../../lib/search/client.ts";
import { outboxStats } from "../../lib/db/outbox.ts";
import { parseSearchParams } from "../../lib/search/params.ts";
import { searchArticles } from "../../lib/search/query.ts";
import { type RunningMeili, startMeilisearch } from "../../lib/servers/meilisearch.ts";
import { freePort } from "../../lib/servers/free-port.ts";
import { copyContent, freshDatabase } from "../support/context.ts";

let meili: RunningMeili;
let meiliDir: string;
let port: number;
let databaseUrl: string;
let content: Awaited<ReturnType<typeof copyContent>>;
// A short timeout, as the site uses, so that an unreachable server falls back quickly.
const index = () => getIndex(getSearchClient(meili.url, meili.masterKey, { timeout: 1000 }), "articles");
const search = async (q: string) => {
  const p = parseSearchParams({ q });
  if (!p.success) throw p.error;
  return searchArticles(p.data, { index: index(), db: getDb(databaseUrl) });
};
const ingest = () => ingestContent({ contentDir: content.dir, databaseUrl, index: index() });

beforeAll(async () => {
  meiliDir = await mkdtemp(join(tmpdir(), "yibao-meili-"));
  port = await freePort();
  meili = await startMeilisearch({ dir: meiliDir, port });
  await ensureIndex(getSearchClient(meili.url, meili.masterKey), "articles");
  databaseUrl = await freshDatabase();
  content = await copyContent(join(import.meta.dirname, "../fixtures/content"));
  await ingest();
});

afterAll(async () => {
  await meili.stop();
  await closeDb(databaseUrl);
  await content.cleanup();
  await rm(meiliDir, { recursive: true, force: true });
});

describe("when Meilisearch stops", () => {
  it("searches Meilisearch while it is up", async () => {
    const r = await search("异地就医备案");
    expect(r.mode).toBe("meilisearch");
    expect(r.hits[0]?.slug).toBe("yidi-beian");
  });

  it("answers from Postgres once a search has used up its time, retries included", async () => {
    const p = parseSearchParams({ q: "异地就医备案" });
    if (!p.success) throw p.error;
    const r = await searchArticles(p.data, { index: index(), db: getDb(databaseUrl), deadline: performance.now() - 1 });
    expect(r.mode).toBe("fallback");
    expect(r.hits[0]?.slug).toBe("yidi-beian");
  });

  it("serves search from Postgres with the same normalisation, and pages keep rendering", async () => {
    await meili.stop();
    const r = await search("異地就醫備案"); // traditional characters, normalised before the fallback too
    expect(r.mode).toBe("fallback");
    expect(r.hits.map((h) => h.slug)).toContain("yidi-beian");
    expect(r.hits[0]?.title).toContain("<mark>");
    expect((await search("村卫生室")).hits.map((h) => h.slug)).toEqual(["menzhen-tongchou-bijie"]);
    expect((await getPublicArticle(getDb(databaseUrl), "yidi-beian"))?.answers.length).toBe(1);
  });

  it("keeps content changes made meanwhile in the outbox", async () => {
    const file = join(content.dir, "questions/sub/menzhen-tongchou-bijie.md");
    await writeFile(file, (await readFile(file, "utf8")).replace("年度限额五百元", "年度限额五百元，慢病另有限额"));
    const r = await ingest();
    expect(r.updated).toBe(1);
    expect(r.indexError).toBeTruthy();
    expect((await outboxStats(getDb(databaseUrl))).pending).toBeGreaterThan(0);
  });

  it("returns to normal after a restart, with nothing lost", async () => {
    meili = await startMeilisearch({ dir: meiliDir, port });
    const r = await ingest();
    expect(r.indexError).toBeUndefined();
    expect((await outboxStats(getDb(databaseUrl))).pending).toBe(0);
    const after = await search("慢病另有限额");
    expect(after.mode).toBe("meilisearch");
    expect(after.hits[0]?.slug).toBe("menzhen-tongchou-bijie");
    expect((await search("异地就医备案")).total).toBeGreaterThan(0);
  });
});
