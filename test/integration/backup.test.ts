// npm run backup / npm run restore as an operator runs them, on an embedded installation: the content
// changed after the backup is put back exactly (fingerprint of every article), with its search index.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it, onTestFinished } from "vitest";
import { copyContent, FIXTURE_CONTENT } from "../support/context.ts";
import { runScript } from "../support/process.ts";

it("restores a backup of Postgres and Meilisearch and checks it against the backup's fingerprint", { timeout: 300_000 }, async () => {
  const dataDir = await mkdtemp(join(tmpdir(), "yibao-backup-"));
  const content = await copyContent(FIXTURE_CONTENT);
  onTestFinished(async () => {
    await rm(dataDir, { recursive: true, force: true });
    await content.cleanup();
  });
  const env = { DATA_DIR: dataDir, CONTENT_DIR: content.dir };
  const run = async (script: string, args: string[] = []) => {
    const c = runScript(script, env, args);
    const code = await c.exited;
    return { code, out: c.lines.join("\n") };
  };

  const ingest = await run("ingest.ts");
  expect(ingest.code, ingest.out).toBe(0);
  const backup = await run("backup.ts", ["--out", join(dataDir, "b1")]);
  expect(backup.out).toMatch(/backup written to .*b1: 3 articles, fingerprint ([0-9a-f]{16})/);
  expect(backup.code).toBe(0);
  const fingerprint = /fingerprint ([0-9a-f]{16})/.exec(backup.out)![1];

  // A change after the backup: one article deleted.
  await rm(join(content.dir, "questions/yidi-beian.md"));
  const after = await run("ingest.ts");
  expect(after.out).toMatch(/1 deleted/);

  const restore = await run("restore.ts", [join(dataDir, "b1")]);
  expect(restore.out).toContain("PostgreSQL: cluster folder restored (the previous one kept as");
  expect(restore.out).toContain("Meilisearch: dump imported");
  expect(restore.out).toMatch(new RegExp(`restored 3 articles, fingerprint ${fingerprint} as in the backup; 3 search documents`));
  expect(restore.code).toBe(0);
  // A backup folder is never overwritten.
  expect((await run("backup.ts", ["--out", join(dataDir, "b1")])).code).toBe(2);
});
