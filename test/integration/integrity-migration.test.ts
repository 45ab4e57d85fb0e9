// The integrity migration on data written before it: duplicate answer slots left by racing autosaves
// are merged (the newest draft kept, history never deleted), restores get the authors of what they
// brought back, and review decisions keep their status as the new enum.
import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { expect, inject, it, onTestFinished } from "vitest";
import { MIGRATIONS_DIR } from "../../lib/db/migrate.ts";

const THIS = "_integrity";

it("merges duplicate answer slots, keeps every revision and fills in the authors of restores", async () => {
  const admin = new pg.Client({ connectionString: inject("databaseUrl") });
  await admin.connect();
  const name = `t_mig_${randomUUID().replace(/-/g, "").slice(0, 10)}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(inject("databaseUrl"));
  url.pathname = `/${name}`;
  const db = new pg.Client({ connectionString: url.toString() });
  await db.connect();
  onTestFinished(async () => {
    await db.end();
    await admin.query(`DROP DATABASE ${name}`);
    await admin.end();
  });

  const dirs = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const at = dirs.findIndex((d) => d.endsWith(THIS));
  expect(at).toBeGreaterThan(0);
  const sql = (dir: string) => readFile(join(MIGRATIONS_DIR, dir, "migration.sql"), "utf8");
  for (const dir of dirs.slice(0, at)) await db.query(await sql(dir));

  const q = async (text: string, values: unknown[] = []) => (await db.query(text, values)).rows as Record<string, unknown>[];
  const article = randomUUID();
  await q(`INSERT INTO advisors (id, name, title, content_hash) VALUES ('a1', '顾问', '医保顾问', '')`);
  await q(
    `INSERT INTO articles (id, slug, origin, state, content_hash, title, region, insurance, topics, published, related)
     VALUES ($1, 'mig-test', 'web', 'unanswered', '', '迁移测试', '520500', '{resident}', '{参保缴费}', '2026-12-01', '{}')`,
    [article],
  );
  const slot = async (position: number | null) => (await q(`INSERT INTO answers (article_id, position) VALUES ($1, $2) RETURNING id`, [article, position]))[0]!.id as number;
  const draft = (answer: number, author: string, body: string, at: string) =>
    q(`INSERT INTO answer_drafts (answer_id, author_id, advisor_id, body, updated_at) VALUES ($1, $2, 'a1', $3, $4)`, [answer, author, body, at]);
  const revision = async (answer: number, number: number, by: string, summary: string | null = null) =>
    (await q(`INSERT INTO answer_revisions (answer_id, number, advisor_id, date, body, content_hash, summary, created_by) VALUES ($1, $2, 'a1', '2026-12-01', 'x', $3, $4, $5) RETURNING id`, [answer, number, `h${answer}-${number}`, summary, by]))[0]!.id as number;

  // u1's autosaves raced: three empty slots, each with a draft; the last one written is the newest.
  const raced = [await slot(null), await slot(null), await slot(null)];
  await draft(raced[0]!, "u1", "第二次保存", "2026-12-01T10:00:02Z");
  await draft(raced[1]!, "u1", "第三次保存", "2026-12-01T10:00:03Z");
  await draft(raced[2]!, "u1", "第一次保存", "2026-12-01T10:00:01Z");
  // u2: a slot with a submission waiting for review, and an empty duplicate with a newer draft.
  const submitted = await slot(null);
  const pending = await revision(submitted, 1, "u2");
  await q(`INSERT INTO reviews (revision_id, article_id, author_id) VALUES ($1, $2, 'u2')`, [pending, article]);
  const duplicate = await slot(null);
  await draft(duplicate, "u2", "提交后又写的", "2026-12-01T11:00:00Z");
  // A published answer written by u3, restored by u1 (and the restore restored again by u4), decided.
  const live = await slot(1);
  const r1 = await revision(live, 1, "u3");
  const r2 = await revision(live, 2, "u1", "恢复第 1 版");
  const r3 = await revision(live, 3, "u4", "恢复第 2 版");
  await q(`INSERT INTO reviews (revision_id, article_id, author_id, status, reviewer_id, decided_at) VALUES ($1, $2, 'u1', 'approved', 'u9', now())`, [r2, article]);

  await db.query(await sql(dirs[at]!));

  const slots = await q(`SELECT id, opened_by, position FROM answers WHERE article_id = $1 ORDER BY id`, [article]);
  expect(slots.map((s) => [s.id, s.opened_by])).toEqual([[raced[1], "u1"], [submitted, "u2"], [live, null]]);
  const drafts = await q(`SELECT answer_id, author_id, body FROM answer_drafts ORDER BY answer_id`);
  expect(drafts).toEqual([
    { answer_id: raced[1], author_id: "u1", body: "第三次保存" },
    { answer_id: submitted, author_id: "u2", body: "提交后又写的" },
  ]);
  const authors = await q(`SELECT id, authors FROM answer_revisions ORDER BY id`);
  expect(authors).toEqual([
    { id: pending, authors: ["u2"] },
    { id: r1, authors: ["u3"] },
    { id: r2, authors: ["u1", "u3"] },
    { id: r3, authors: ["u1", "u3", "u4"] },
  ]);
  expect(await q(`SELECT revision_id, status::text FROM reviews ORDER BY id`)).toEqual([
    { revision_id: pending, status: "pending" },
    { revision_id: r2, status: "approved" },
  ]);
  // From now on the database keeps both rules itself.
  await expect(db.query(`INSERT INTO answers (article_id, opened_by) VALUES ($1, 'u1')`, [article])).rejects.toThrow(/answers_article_id_opened_by_key/);
  await expect(db.query(`UPDATE reviews SET status = 'approved', reviewer_id = 'u3', decided_at = now() WHERE revision_id = $1`, [pending])).resolves.toBeTruthy();
  await expect(db.query(`INSERT INTO reviews (revision_id, article_id, author_id, status, reviewer_id, decided_at) VALUES ($1, $2, 'u4', 'approved', 'u3', now())`, [r3, article])).rejects.toThrow(/four_eyes/);
});
