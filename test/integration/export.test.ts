// content:export writes articles back in the file format; reading the export into an empty database
// gives the same content hashes, for articles of both channels.
import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it, onTestFinished } from "vitest";
import { createArticle, publishAnswer } from "../../lib/articles/revisions.ts";
import { exportContent } from "../../lib/content/export.ts";
import { ingestContent } from "../../lib/content/ingest.ts";
import { articleId, sandbox } from "../support/context.ts";

const SHIPPED = join(import.meta.dirname, "../../content");
const hashes = async (db: Awaited<ReturnType<typeof sandbox>>["db"]) =>
  Object.fromEntries((await db.article.findMany({ select: { slug: true, contentHash: true }, orderBy: { slug: "asc" } })).map((a) => [a.slug, a.contentHash]));

it("exports every article and reads it back into an empty database with the same content hashes", async () => {
  const from = await sandbox(SHIPPED);
  const first = await ingestContent({ contentDir: from.content, databaseUrl: from.databaseUrl });
  expect(first.errors).toEqual([]);
  // Content of the web channel too: a new question, and an answer added to a file question.
  await createArticle(from.db, {
    by: "advisor:test",
    article: { slug: "web-question", title: "孩子的居民医保在哪里交？", region: "520500", insurance: ["resident"], topics: ["参保缴费"], published: "2026-11-30", status: "unanswered", related: [], citations: [], answers: [] },
  });
  await publishAnswer(from.db, {
    articleId: await articleId(from.db, "web-question"),
    advisorId: (await from.db.advisor.findFirstOrThrow()).id,
    body: "可以在户籍地或居住地的**医保经办机构**办理：\n\n- 线上：微信小程序\n- 线下：社区服务中心",
    citations: [{ title: "中华人民共和国社会保险法", article: "第二十五条" }],
    date: "2026-12-01",
    by: "advisor:test",
  });

  const out = await mkdtemp(join(tmpdir(), "yibao-export-"));
  onTestFinished(() => rm(out, { recursive: true, force: true }));
  const r = await exportContent(from.db, { slugs: "all", out });
  expect(r.articles).toBe(first.added + 1);
  expect(r.missing).toEqual([]);

  await copyFile(join(SHIPPED, "topics.yaml"), join(out, "topics.yaml"));
  const to = await sandbox(out);
  const back = await ingestContent({ contentDir: to.content, databaseUrl: to.databaseUrl });
  expect(back.errors).toEqual([]);
  expect(back.added).toBe(r.articles);
  expect(await hashes(to.db)).toEqual(await hashes(from.db));
});

it("names the slugs it cannot find and exports the others", async () => {
  const sb = await sandbox();
  await ingestContent({ contentDir: sb.content, databaseUrl: sb.databaseUrl });
  const out = await mkdtemp(join(tmpdir(), "yibao-export-"));
  onTestFinished(() => rm(out, { recursive: true, force: true }));
  const r = await exportContent(sb.db, { slugs: ["yidi-beian", "no-such-question"], out });
  expect(r).toEqual({ articles: 1, advisors: 1, missing: ["no-such-question"] });
});
