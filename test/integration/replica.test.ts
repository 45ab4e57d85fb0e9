// Public reads through DATABASE_REPLICA_URL (Prisma's read-replicas extension): they are answered by the
// replica, while the primary keeps the writes. Here the "replica" is a second database that lacks the
// content, so that where a read went shows; then, as the setup here allows, pointed at the primary.
import { afterAll, beforeAll, expect, it } from "vitest";
import { getPublicArticle } from "../../lib/articles/read.ts";
import { ingestContent } from "../../lib/content/ingest.ts";
import { closeDb, getDb, getPublicDb } from "../../lib/db/client.ts";
import { freshDatabase, sandbox } from "../support/context.ts";

let emptyReplica: string;
beforeAll(async () => {
  emptyReplica = await freshDatabase();
});
afterAll(() => closeDb(emptyReplica));

it("reads public pages from the replica and writes to the primary", async () => {
  const sb = await sandbox();
  await ingestContent({ contentDir: sb.content, databaseUrl: sb.databaseUrl, index: sb.index });
  expect(await getPublicArticle(getPublicDb(sb.databaseUrl, emptyReplica), "yidi-beian")).toBeNull();
  expect(await getPublicArticle(getDb(sb.databaseUrl), "yidi-beian")).not.toBeNull();
  // Without a replica the public reads use the primary; with the replica at the primary, they see it all.
  expect(getPublicDb(sb.databaseUrl, undefined)).toBe(getDb(sb.databaseUrl));
  expect((await getPublicArticle(getPublicDb(sb.databaseUrl, sb.databaseUrl), "yidi-beian"))?.slug).toBe("yidi-beian");
});
