// An advisor's work on one question: the working draft (autosaved, never public, never overwriting a
// newer revision unseen), and its submission for review.
import "server-only";
import { answerSlotTx, submitRevisionTx } from "../articles/revisions.ts";
import type { Db, Tx } from "../db/client.ts";
import { AppError } from "../domain/errors.ts";
import type { Citation } from "../domain/schema.ts";
import type { Editor } from "./session.ts";

export type AnswerCitation = Omit<Citation, "answer">;

async function articleBySlug(db: Db, slug: string) {
  const a = await db.article.findUnique({ where: { slug }, select: { id: true, slug: true, state: true, title: true } });
  if (!a) throw new AppError("not_found", `找不到问题 ${slug}。`);
  return a;
}

function writer(editor: Editor): string {
  if (!editor.advisorId) throw new AppError("forbidden", "这个账号还没有关联顾问资料，请联系管理员。");
  return editor.advisorId;
}

/** The caller's work on a question: their draft, or their latest revision, and the published answer it would change. */
export async function myAnswer(db: Db, slug: string, editor: Editor) {
  const article = await articleBySlug(db, slug);
  const answers = await db.answer.findMany({
    where: { articleId: article.id },
    include: { drafts: { where: { authorId: editor.id } }, revisions: { orderBy: { number: "desc" }, take: 1, include: { review: true } }, publishedRevision: true },
    orderBy: { id: "asc" },
  });
  // Mine: an answer I have a draft of, else the published answer under my advisor profile, else my open slot.
  const mine =
    answers.find((a) => a.drafts.length) ??
    answers.find((a) => a.publishedRevision?.advisorId === editor.advisorId) ??
    answers.find((a) => a.position === null && a.revisions[0]?.createdBy === editor.id);
  return {
    article,
    answerId: mine?.id ?? null,
    draft: mine?.drafts[0] ?? null,
    published: mine?.publishedRevision ?? null,
    latest: mine?.revisions[0] ?? null,
  };
}

export type DraftInput = { body: string; citations?: AnswerCitation[]; baseRevisionId?: number | null };

/**
 * Saves the caller's working draft. Refused (409, with both texts) when the answer has been published
 * again since the draft was started from `baseRevisionId`: nobody overwrites text they have not seen.
 * Saves of one answer take turns on its row (the last one wins) and each gets the next draft version,
 * which the answer names so that a submission can say which text it means.
 */
export async function saveMyDraft(db: Db, slug: string, editor: Editor, input: DraftInput) {
  const advisorId = writer(editor);
  return db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { slug }, select: { id: true } });
    if (!article) throw new AppError("not_found", `找不到问题 ${slug}。`);
    const mine = await myAnswerIdTx(tx, article.id, editor);
    const answerId = mine ?? (await answerSlotTx(tx, article.id, editor.id));
    await lockSlot(tx, answerId);
    const slot = await tx.answer.findUniqueOrThrow({ where: { id: answerId }, include: { publishedRevision: true } });
    const live = slot.publishedRevisionId;
    if (live !== null && input.baseRevisionId !== undefined && input.baseRevisionId !== live) {
      throw new AppError("conflict", "这个解答在你编辑期间已发布了新版本，你的文字没有覆盖它。请对照两段文字后重新保存。", [], {
        yours: input.body,
        theirs: slot.publishedRevision!.body,
        theirsRevision: slot.publishedRevision!.number,
      });
    }
    const data = { advisorId, body: input.body, citations: input.citations ?? [], baseRevisionId: live, updatedAt: new Date() };
    const draft = await tx.answerDraft.upsert({
      where: { answerId_authorId: { answerId, authorId: editor.id } },
      create: { answerId, authorId: editor.id, ...data },
      update: { ...data, version: { increment: 1 } },
    });
    return { answerId, draftId: draft.id, version: draft.version, baseRevisionId: live, savedAt: draft.updatedAt.toISOString() };
  });
}

/**
 * Submissions of one question take turns (so "one pending review per answer" holds when two arrive at
 * once), locking in the order an approval does (article, then answer) so the two never deadlock.
 */
async function lockArticleRow(tx: Tx, articleId: string) {
  await tx.$queryRaw`SELECT id FROM articles WHERE id = ${articleId}::uuid FOR UPDATE`;
}

/** Writers of one answer slot take turns: its row stays locked until the caller's transaction ends. */
async function lockSlot(tx: Tx, answerId: number) {
  await tx.$queryRaw`SELECT id FROM answers WHERE id = ${answerId} FOR UPDATE`;
}

async function myAnswerIdTx(tx: Tx, articleId: string, editor: Editor): Promise<number | null> {
  const withDraft = await tx.answerDraft.findFirst({ where: { authorId: editor.id, answer: { articleId } }, select: { answerId: true } });
  if (withDraft) return withDraft.answerId;
  const published = await tx.answer.findFirst({ where: { articleId, publishedRevision: { advisorId: editor.advisorId ?? "" } }, select: { id: true } });
  if (published) return published.id;
  const open = await tx.answer.findFirst({ where: { articleId, position: null, revisions: { some: { createdBy: editor.id } } }, select: { id: true } });
  return open?.id ?? null;
}

/** One submission of an answer is reviewed at a time. */
async function noPendingReview(tx: Tx, answerId: number) {
  const pending = await tx.review.findFirst({ where: { status: "pending", revision: { answerId } }, select: { id: true } });
  if (pending) throw new AppError("conflict", "这个解答已有一份待审核的提交，请等审核结果。");
}

/**
 * Submits the caller's draft for review: a revision (not yet public) and a pending review, in one
 * transaction. With `baseDraftVersion`, only that version of the draft: when another tab has saved since,
 * or the draft is gone (submitted from elsewhere), nothing is submitted (409).
 */
export async function submitMyDraft(db: Db, slug: string, editor: Editor, opts: { summary?: string; baseDraftVersion?: number } = {}) {
  writer(editor);
  return db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { slug }, select: { id: true } });
    if (!article) throw new AppError("not_found", `找不到问题 ${slug}。`);
    await lockArticleRow(tx, article.id);
    const found = await tx.answerDraft.findFirst({ where: { authorId: editor.id, answer: { articleId: article.id } }, select: { answerId: true } });
    if (found) await lockSlot(tx, found.answerId);
    // Read under the lock: a save that was under way has committed by now.
    const draft = found ? await tx.answerDraft.findUnique({ where: { answerId_authorId: { answerId: found.answerId, authorId: editor.id } } }) : null;
    if (opts.baseDraftVersion !== undefined && draft?.version !== opts.baseDraftVersion) {
      throw new AppError(
        "conflict",
        draft
          ? `草稿在别处又保存过（现在是第 ${draft.version} 版，你提交的是第 ${opts.baseDraftVersion} 版），没有提交。请刷新页面，确认最新的文字后再提交。`
          : "你要提交的草稿已不存在（可能已在另一个窗口提交），没有提交。请刷新页面查看。",
        [],
        { draftVersion: draft?.version ?? null },
      );
    }
    if (!draft) throw new AppError("invalid", "没有可提交的草稿：请先写好解答并保存。");
    if (!draft.body.trim()) throw new AppError("invalid", "解答不能为空。", [{ path: ["body"], message: "解答不能为空" }]);
    await noPendingReview(tx, draft.answerId);
    const rev = await submitRevisionTx(tx, {
      answerId: draft.answerId,
      advisorId: draft.advisorId,
      body: draft.body,
      citations: draft.citations as AnswerCitation[],
      summary: opts.summary,
      by: editor.id,
    });
    const review = await tx.review.create({ data: { revisionId: rev.revisionId, articleId: article.id, authorId: editor.id } });
    // The work is handed over: the question is no longer held by its author.
    await tx.claim.deleteMany({ where: { articleId: article.id, userId: editor.id } });
    return { reviewId: review.id, revision: rev.revision, draftVersion: draft.version };
  }, { timeout: 30_000, maxWait: 30_000 });
}

/** The history of every answer of a question, newest first, with who wrote each revision. */
export async function answerHistory(db: Db, slug: string) {
  const revisions = await db.answerRevision.findMany({
    where: { answer: { article: { slug } } },
    orderBy: [{ answerId: "asc" }, { number: "desc" }],
    include: { answer: { select: { position: true, publishedRevisionId: true } }, review: { select: { status: true } } },
  });
  const names = new Map((await db.user.findMany({ where: { id: { in: revisions.map((r) => r.createdBy) } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return revisions.map((r) => ({
    id: r.id,
    answerId: r.answerId,
    position: r.answer.position,
    number: r.number,
    by: names.get(r.createdBy) ?? (r.createdBy.startsWith("file:") ? "内容文件" : r.createdBy),
    summary: r.summary,
    at: r.createdAt.toISOString(),
    live: r.answer.publishedRevisionId === r.id,
    review: r.review?.status ?? null,
  }));
}

/** Brings an older revision back as a new submission: a restore is reviewed like any other change. */
export async function restoreRevision(db: Db, revisionId: number, editor: Editor) {
  writer(editor);
  return db.$transaction(async (tx) => {
    const rev = await tx.answerRevision.findUnique({ where: { id: revisionId }, include: { answer: { select: { articleId: true } } } });
    if (!rev) throw new AppError("not_found", "找不到这个修订版本。");
    await lockArticleRow(tx, rev.answer.articleId);
    await noPendingReview(tx, rev.answerId);
    const submitted = await submitRevisionTx(tx, {
      answerId: rev.answerId,
      advisorId: rev.advisorId,
      body: rev.body,
      citations: rev.citations as AnswerCitation[],
      date: rev.date.toISOString().slice(0, 10),
      summary: `恢复第 ${rev.number} 版`,
      by: editor.id,
      // A restore is the restorer's edit, and still the words of whoever wrote the revision brought back.
      authors: rev.authors,
    });
    const review = await tx.review.create({ data: { revisionId: submitted.revisionId, articleId: rev.answer.articleId, authorId: editor.id } });
    return { reviewId: review.id, revision: submitted.revision };
  }, { timeout: 30_000, maxWait: 30_000 });
}
