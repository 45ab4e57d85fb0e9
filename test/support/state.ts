// A fingerprint of everything the pipeline produces from content — rows, revisions, related questions,
// redirects, the search index — without the ids and times that differ between two equal runs.
import { createHash } from "node:crypto";
import type { Db } from "../../lib/db/client.ts";
import type { SearchIndex } from "../../lib/search/client.ts";

export async function pipelineState(db: Db, index: SearchIndex) {
  const articles = await db.$queryRawUnsafe(
    `SELECT slug, origin::text, state::text, content_hash, source_path, source_hash, relations_dirty_at IS NULL AS clean FROM articles ORDER BY slug`,
  );
  const revisions = await db.$queryRawUnsafe(
    `SELECT ar.slug, a.position, r.number, r.content_hash, a.published_revision_id = r.id AS live
     FROM answer_revisions r JOIN answers a ON a.id = r.answer_id JOIN articles ar ON ar.id = a.article_id
     ORDER BY ar.slug, a.position, r.number`,
  );
  const relations = await db.$queryRawUnsafe(
    `SELECT x.slug AS from, y.slug AS to, kind, position FROM article_relations r
     JOIN articles x ON x.id = r.article_id JOIN articles y ON y.id = r.related_id ORDER BY 1, 3, 4`,
  );
  const redirects = await db.$queryRawUnsafe(`SELECT r.slug, a.slug AS target FROM slug_redirects r JOIN articles a ON a.id = r.article_id ORDER BY 1`);
  const advisors = await db.$queryRawUnsafe(`SELECT id, origin::text, content_hash FROM advisors ORDER BY id`);
  const outbox = Number((await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM outbox`))[0]!.n);
  const docs = (await index.getDocuments({ limit: 10_000 })).results
    .map(({ id: _id, ...doc }) => doc)
    .sort((a, b) => String(a.slug).localeCompare(String(b.slug)));
  const state = { articles, revisions, relations, redirects, advisors, outbox, docs };
  return { ...state, hash: createHash("sha256").update(JSON.stringify(state)).digest("hex") };
}
