// Domain verbs for editing content in the web app. Each runs in one transaction that locks the
// article, validates the result with validateArticle (the rules the file channel obeys too) and
// writes through saveStatements — the same rows, revisions, outbox row and dirty marker as ingest —
// plus an audit event.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Db, Tx } from "../db/client.ts";
import { AppError } from "../domain/errors.ts";
import { todayInChina } from "../domain/dates.ts";
import { ANSWERED, stateAfterAnswer } from "../domain/visibility.ts";
import type { Article, ArticleState, Citation } from "../domain/schema.ts";
import { articlesById, type StoredArticle } from "./read.ts";
import { type AnswerRecord, type ArticleRecord, fromRecord, revisionHash, toRecord } from "./record.ts";
import { saveStatements } from "./save.ts";
import { validateArticle } from "./validate.ts";
import { AUDIT, type AuditAction } from "../domain/audit-actions.ts";
import type { Changed } from "../domain/changes.ts";

async function lockArticle(tx: Tx, articleId: string): Promise<StoredArticle> {
  const locked = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM articles WHERE id = $1::uuid FOR UPDATE`, articleId);
  const [current] = locked.length ? await articlesById(tx, [articleId]) : [];
  if (!current) throw new AppError("not_found", "找不到这篇文章，可能已被删除。");
  return current;
}

async function check(tx: Tx, record: ArticleRecord): Promise<ArticleRecord> {
  const advisors = new Set((await tx.advisor.findMany({ select: { id: true } })).map((a) => a.id));
  const v = validateArticle(fromRecord(record), { advisors });
  if (!v.ok) throw new AppError("invalid", `内容未通过校验：${v.errors.map((e) => e.message).join("；")}`, v.errors);
  return toRecord(v.article);
}

async function write(tx: Tx, current: StoredArticle, next: ArticleRecord, by: string, action: AuditAction, data: object, summary?: string) {
  // An article edited in the app belongs to the app from then on: its file (still recorded) is no longer
  // read by ingest, which says so, instead of overwriting the edit.
  if (current.origin === "file") {
    await tx.$executeRawUnsafe(`UPDATE articles SET origin = 'web' WHERE id = $1::uuid`, current.id);
    data = { ...data, adoptedFromFile: true };
  }
  for (const statement of saveStatements(tx, [{ id: current.id, record: next, origin: "web", by, summary }])) await statement;
  await tx.auditEvent.create({ data: { actor: by, action, articleId: current.id, data: JSON.parse(JSON.stringify(data)) } });
}

const run = <T>(db: Db, fn: (tx: Tx) => Promise<T>) => db.$transaction(fn, { timeout: 30_000, maxWait: 30_000 });

/** The audit actions that put an answer live: the first of them on a question is when it was answered. */
export const PUBLISH_ACTIONS = { answer: AUDIT.answerPublish, revision: AUDIT.revisionPublish } as const;

export type RevisionInput = {
  articleId: string;
  /** 1-based answer position; omitted for a new answer. */
  position?: number;
  advisorId: string;
  body: string;
  citations?: Omit<Citation, "answer">[];
  /** The date shown with the answer; today by default. */
  date?: string;
  summary?: string;
  by: string;
};

/**
 * Publishes a revision of one answer (a new answer when `position` is omitted). The answer's older
 * revisions stay in its history; an unanswered question becomes published.
 */
export async function publishAnswer(db: Db, input: RevisionInput): Promise<{ answerId: number; revision: number }> {
  return run(db, async (tx) => {
    const current = await lockArticle(tx, input.articleId);
    const answers = [...current.record.answers];
    const position = input.position ?? answers.length + 1;
    if (position < 1 || position > answers.length + 1) throw new AppError("invalid", `没有第 ${position} 个解答。`);
    const answer: AnswerRecord = { advisor: input.advisorId, date: input.date ?? todayInChina(), body: input.body.trim(), citations: input.citations ?? [] };
    answers[position - 1] = answer;
    const next = await check(tx, { ...current.record, state: stateAfterAnswer(current.record.state), answers });
    await write(tx, current, next, input.by, PUBLISH_ACTIONS.answer, { position }, input.summary);
    const row = await tx.answer.findUniqueOrThrow({ where: { articleId_position: { articleId: current.id, position } }, include: { publishedRevision: true } });
    await tx.answerDraft.deleteMany({ where: { answerId: row.id, authorId: input.by } });
    return { answerId: row.id, revision: row.publishedRevision!.number };
  });
}

/**
 * The author's answer slot on an article (created when they have none). An answer gets its position
 * only when it is first published. One slot per author and article (answers_article_id_opened_by_key):
 * saves that race each other all land in the first one, and its row stays locked until the transaction
 * ends, so they take turns.
 */
export async function answerSlotTx(tx: Tx, articleId: string, authorId: string): Promise<number> {
  const [slot] = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO answers (article_id, opened_by) VALUES (${articleId}::uuid, ${authorId})
    ON CONFLICT (article_id, opened_by) DO UPDATE SET opened_by = EXCLUDED.opened_by
    RETURNING id`;
  return slot!.id;
}

/**
 * Writes a revision of an answer without publishing it (for review): the live answer is unchanged. The
 * content is validated as it would be published, so that a reviewer never approves an invalid article.
 */
export async function submitRevisionTx(
  tx: Tx,
  input: Omit<RevisionInput, "articleId" | "position"> & {
    answerId: number;
    /** Whose words are in it besides `by` (a restore: the authors of the revision brought back). */
    authors?: string[];
  },
): Promise<{ revision: number; revisionId: number; articleId: string }> {
  const slot = await tx.answer.findUnique({ where: { id: input.answerId } });
  if (!slot) throw new AppError("not_found", "找不到这个解答。");
  const current = await lockArticle(tx, slot.articleId);
  const answer: AnswerRecord = { advisor: input.advisorId, date: input.date ?? todayInChina(), body: input.body.trim(), citations: input.citations ?? [] };
  await check(tx, withAnswer(current.record, slot.position, answer, ANSWERED));
  const last = await tx.answerRevision.findFirst({ where: { answerId: slot.id }, orderBy: { number: "desc" }, select: { number: true } });
  const rev = await tx.answerRevision.create({
    data: {
      answerId: slot.id,
      number: (last?.number ?? 0) + 1,
      advisorId: answer.advisor,
      date: new Date(answer.date),
      body: answer.body,
      citations: answer.citations,
      contentHash: revisionHash(answer),
      summary: input.summary ?? null,
      createdBy: input.by,
      authors: [...new Set([input.by, ...(input.authors ?? [])])],
    },
  });
  await tx.answerDraft.deleteMany({ where: { answerId: slot.id, authorId: input.by } });
  await tx.auditEvent.create({ data: { actor: input.by, action: AUDIT.answerSubmit, articleId: current.id, data: { answerId: slot.id, revision: rev.number } } });
  return { revision: rev.number, revisionId: rev.id, articleId: current.id };
}

/** The article's answers with `answer` at `position` (null: a new answer, appended). */
function withAnswer(record: ArticleRecord, position: number | null, answer: AnswerRecord, state: ArticleState): ArticleRecord {
  const answers = [...record.answers];
  if (position === null || position > answers.length) answers.push(answer);
  else answers[position - 1] = answer;
  return { ...record, state, answers };
}

/**
 * Makes an existing revision the published one: the latest revision as it was written (an approval),
 * or an older one, which comes back as a new revision at the end of the history (a restore). A new
 * answer gets the next position.
 */
export async function publishRevisionTx(tx: Tx, input: { revisionId: number; by: string; summary?: string }): Promise<{ revision: number; articleId: string }> {
  const rev = await tx.answerRevision.findUnique({ where: { id: input.revisionId }, include: { answer: true } });
  if (!rev) throw new AppError("not_found", "找不到这个修订版本。");
  const current = await lockArticle(tx, rev.answer.articleId);
  // Read again under the article's lock: what another transaction published meanwhile counts.
  const slot = await tx.answer.findUniqueOrThrow({ where: { id: rev.answerId } });
  // A revision is published once: publishing the live one again changes nothing and records nothing.
  if (slot.publishedRevisionId === rev.id) return { revision: rev.number, articleId: current.id };
  const answer: AnswerRecord = {
    advisor: rev.advisorId,
    date: rev.date.toISOString().slice(0, 10),
    body: rev.body,
    citations: (rev.citations ?? []) as Omit<Citation, "answer">[],
  };
  let position = slot.position;
  if (position === null) {
    position = current.record.answers.length + 1;
    await tx.answer.update({ where: { id: rev.answerId }, data: { position } });
  }
  const next = await check(tx, withAnswer(current.record, position, answer, stateAfterAnswer(current.record.state)));
  const latest = await tx.answerRevision.findFirst({ where: { answerId: rev.answerId }, orderBy: { number: "desc" }, select: { id: true } });
  const summary = input.summary ?? (latest?.id === rev.id ? undefined : `恢复自第 ${rev.number} 版`);
  await write(tx, current, next, input.by, PUBLISH_ACTIONS.revision, { revision: rev.number, position }, summary);
  const row = await tx.answer.findUniqueOrThrow({ where: { id: rev.answerId }, include: { publishedRevision: true } });
  return { revision: row.publishedRevision!.number, articleId: current.id };
}

export function publishRevision(db: Db, input: { revisionId: number; by: string; summary?: string }) {
  return run(db, (tx) => publishRevisionTx(tx, input));
}

/** Moves an article to another state (archive, back to draft, accept a pending question …). */
export async function setArticleState(db: Db, input: { articleId: string; state: ArticleState; by: string }): Promise<{ changed: Changed }> {
  const { from } = await run(db, (tx) => setArticleStateTx(tx, input));
  return { changed: from === input.state ? {} : { articleIds: [input.articleId] } };
}

/** setArticleState inside a caller's transaction (moderation writes its own rows beside it). */
export async function setArticleStateTx(tx: Tx, input: { articleId: string; state: ArticleState; by: string }): Promise<{ from: ArticleState }> {
  const current = await lockArticle(tx, input.articleId);
  const from = current.record.state;
  if (from === input.state) return { from };
  const next = await check(tx, { ...current.record, state: input.state });
  await write(tx, current, next, input.by, AUDIT.articleState, { from, to: input.state });
  return { from };
}

/** Gives an article a new slug; the old one answers 308 to it from then on. */
export async function renameArticle(db: Db, input: { articleId: string; slug: string; by: string }): Promise<void> {
  await run(db, async (tx) => {
    const current = await lockArticle(tx, input.articleId);
    if (current.record.slug === input.slug) return;
    const taken = await tx.article.findUnique({ where: { slug: input.slug }, select: { id: true } });
    if (taken) throw new AppError("conflict", `地址 ${input.slug} 已被另一篇文章使用。`);
    await write(tx, current, { ...current.record, slug: input.slug }, input.by, AUDIT.articleRename, { from: current.record.slug, to: input.slug });
  });
}

/**
 * Replaces an article's 相似问法 (other ways readers ask it, searched next to the title). The outbox row
 * written with it re-indexes the article; a phrasing that is the title itself is dropped.
 */
export async function setArticleAliases(db: Db, input: { articleId: string; aliases: string[]; by: string }): Promise<{ aliases: string[]; changed: Changed }> {
  return run(db, async (tx) => {
    const current = await lockArticle(tx, input.articleId);
    const aliases = [...new Set(input.aliases.map((a) => a.trim()).filter((a) => a && a !== current.record.title))];
    const from = current.record.aliases;
    if (aliases.length === from.length && aliases.every((a, i) => a === from[i])) return { aliases: from, changed: {} };
    const next = await check(tx, { ...current.record, aliases });
    await write(tx, current, next, input.by, AUDIT.articleAliases, { from, to: next.aliases });
    return { aliases: next.aliases, changed: { articleIds: [current.id] } };
  });
}

/** A new article written in the web app (a question, with or without answers). */
export async function createArticle(db: Db, input: { article: Article; by: string }): Promise<{ id: string }> {
  return run(db, (tx) => createArticleTx(tx, input));
}

/** createArticle inside a caller's transaction (a reader's question is stored with its follow link). */
export async function createArticleTx(tx: Tx, input: { article: Article; by: string }): Promise<{ id: string }> {
  const taken = await tx.article.findUnique({ where: { slug: input.article.slug }, select: { id: true } });
  if (taken) throw new AppError("conflict", `地址 ${input.article.slug} 已被另一篇文章使用。`);
  const record = await check(tx, toRecord(input.article));
  const id = randomUUID();
  for (const statement of saveStatements(tx, [{ id, record, origin: "web", by: input.by }])) await statement;
  await tx.auditEvent.create({ data: { actor: input.by, action: AUDIT.articleCreate, articleId: id, data: { slug: record.slug } } });
  return { id };
}

export function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return run(db, fn);
}

/** The author's working draft of an answer: one per author and answer, overwritten by each save. */
export async function saveDraft(
  db: Db,
  input: { answerId: number; authorId: string; advisorId: string; body: string; citations?: Omit<Citation, "answer">[]; baseRevisionId?: number },
) {
  const data = { advisorId: input.advisorId, body: input.body, citations: input.citations ?? [], baseRevisionId: input.baseRevisionId ?? null, updatedAt: new Date() };
  return db.answerDraft.upsert({
    where: { answerId_authorId: { answerId: input.answerId, authorId: input.authorId } },
    create: { answerId: input.answerId, authorId: input.authorId, ...data },
    update: data,
  });
}
