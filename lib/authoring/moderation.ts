// Moderating readers' questions (reviewers and admins): accept (the question becomes unanswered and joins
// the advisors' queue), merge into an existing public question (the asker's follow link then shows that
// one), or reject. Each is one transaction: the state change through the one save path, the follow
// links, and an audit event.
import "server-only";
import { z } from "zod";
import { inTransaction, setArticleStateTx } from "../articles/revisions.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../domain/errors.ts";
import { slugSchema } from "../domain/schema.ts";
import { ASKED, isPublic, OPEN, RETIRED } from "../domain/visibility.ts";
import type { Editor } from "./session.ts";
import { AUDIT } from "../domain/audit-actions.ts";
import type { Changed } from "../domain/changes.ts";

export const moderationSchema = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("accept") }),
  z.object({ decision: z.literal("merge"), into: slugSchema }),
  z.object({ decision: z.literal("reject"), reason: z.string().trim().max(200, "理由最多 200 字").optional() }),
], { error: "decision 应为 accept、merge 或 reject" });
export type Moderation = z.infer<typeof moderationSchema>;

export async function pendingQuestions(db: Db) {
  const rows = await db.article.findMany({
    where: { state: ASKED },
    orderBy: { createdAt: "asc" },
    select: { id: true, slug: true, title: true, question: true, region: true, insurance: true, topics: true, createdAt: true },
    take: 200,
  });
  const follows = new Map((await db.questionFollow.findMany({ where: { askedArticleId: { in: rows.map((r) => r.id) } } })).map((f) => [f.askedArticleId!, f]));
  return rows.map(({ id, createdAt, ...r }) => ({ ...r, createdAt: createdAt.toISOString(), masked: follows.get(id)?.masked ?? [], asked: follows.has(id) }));
}

export async function moderateQuestion(db: Db, slug: string, m: Moderation, editor: Editor): Promise<{ state: string; into?: string; changed: Changed }> {
  const outcome = await inTransaction(db, async (tx) => {
    // One decision per question: the row is locked before its state is read, so a second moderator
    // waits for the first to commit and then finds the question decided.
    const [asked] = await tx.$queryRaw<{ id: string; state: string }[]>`SELECT id::text, state::text FROM articles WHERE slug = ${slug} FOR UPDATE`;
    if (!asked) throw new AppError("not_found", `找不到问题 ${slug}。`);
    if (asked.state !== ASKED) throw new AppError("conflict", "这个问题已经处理过了（可能是另一位审核人刚刚做了决定），你的决定没有记录。请刷新页面查看结果。");
    const now = new Date();
    if (m.decision === "accept") {
      await setArticleStateTx(tx, { articleId: asked.id, state: OPEN, by: editor.id });
      await tx.questionFollow.updateMany({ where: { askedArticleId: asked.id }, data: { decision: "accepted", decidedAt: now } });
      await tx.auditEvent.create({ data: { actor: editor.id, action: AUDIT.questionAccept, articleId: asked.id, data: { slug } } });
      return { state: OPEN, id: asked.id };
    }
    if (m.decision === "merge") {
      const target = await tx.article.findUnique({ where: { slug: m.into }, select: { id: true, state: true } });
      if (!target || !isPublic(target.state)) throw new AppError("invalid", `合并目标 ${m.into} 不是公开的问题。`);
      if (target.id === asked.id) throw new AppError("invalid", "不能把问题合并到它自己。");
      await setArticleStateTx(tx, { articleId: asked.id, state: RETIRED, by: editor.id });
      await tx.questionFollow.updateMany({ where: { articleId: asked.id }, data: { articleId: target.id, decision: "merged", decidedAt: now } });
      await tx.auditEvent.create({ data: { actor: editor.id, action: AUDIT.questionMerge, articleId: asked.id, data: { slug, into: m.into } } });
      return { state: RETIRED, into: m.into, id: asked.id };
    }
    await setArticleStateTx(tx, { articleId: asked.id, state: RETIRED, by: editor.id });
    await tx.questionFollow.updateMany({ where: { askedArticleId: asked.id }, data: { decision: "rejected", reason: m.reason ?? null, decidedAt: now } });
    await tx.auditEvent.create({ data: { actor: editor.id, action: AUDIT.questionReject, articleId: asked.id, data: { slug, ...(m.reason ? { reason: m.reason } : {}) } } });
    return { state: RETIRED, id: asked.id };
  });
  // Accepted, the question is public from now on; whatever its address showed before (a 404) expires.
  const { id, ...result } = outcome;
  return { ...result, changed: { articleIds: [id], slugs: [slug] } };
}
