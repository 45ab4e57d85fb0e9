// What every benchmark starts from: fresh embedded Postgres (migrated) and Meilisearch in a throwaway
// folder, and optionally a content folder of N synthetic articles with the shipped configuration.
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { closeDb } from "../../lib/db/client.ts";
import { migrateDeploy } from "../../lib/db/migrate.ts";
import { startMeilisearch } from "../../lib/servers/meilisearch.ts";
import { startEmbeddedPostgres } from "../../lib/servers/postgres.ts";
import { writeSyntheticCorpus } from "./synthetic.ts";

export async function benchServers(name: string) {
  const root = await mkdtemp(join(tmpdir(), `yibao-bench-${name}-`));
  const pg = await startEmbeddedPostgres({ dir: join(root, "pg") });
  const meili = await startMeilisearch({ dir: join(root, "meili") });
  await migrateDeploy(pg.url);
  return {
    root,
    pg,
    meili,
    stop: async () => {
      await closeDb(pg.url);
      await meili.stop();
      await pg.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** root/content: the shipped advisors, topics and search vocabulary, plus N synthetic questions. */
export async function syntheticContent(root: string, n: number): Promise<string> {
  const content = join(root, "content");
  for (const part of ["advisors", "topics.yaml", "search"]) await cp(join("content", part), join(content, part), { recursive: true });
  const advisors = (await readdir("content/advisors")).map((f) => f.replace(/\.yaml$/, ""));
  console.log(`generating ${n} synthetic articles…`);
  await writeSyntheticCorpus(content, n, advisors);
  return content;
}
