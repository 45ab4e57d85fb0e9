// Review: a second person sees a submission against what is published and approves it (published in
// the same transaction, with its outbox row and audit event) or asks for changes. Nobody decides on
// words they wrote: checked here for a clear message, and by the reviews_four_eyes constraint and trigger.
import "server-only";
import { publishRevisionTx } from "../articles/revisions.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../domain/errors.ts";
import type { AnswerCitation } from "./answers.ts";
import { AuditedRefusal, withAuditedRefusals, wroteRevision } from "./refusals.ts";
import { calculatorDiff, citationDiff, textDiff } from "./diff.ts";
import type { Editor } from "./session.ts";
import { AUDIT } from "../domain/audit-actions.ts";
import type { Changed } from "../domain/changes.ts";

export async function pendingReviews(db: Db) {
  const rows = await db.review.findMany({
    where: { status: "pending" },
    orderBy: { createdAt: "asc" },
    include: { revision: { include: { answer: { include: { article: { select: { slug: true, title: true } } } } } } },
  });
  const authors = new Map((await db.user.findMany({ where: { id: { in: rows.map((r) => r.authorId) } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    slug: r.revision.answer.article.slug,
    title: r.revision.answer.article.title,
    author: authors.get(r.authorId) ?? r.authorId,
    authorId: r.authorId,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function reviewDetail(db: Db, id: number) {
  const r = await db.review.findUnique({
    where: { id },
    include: { revision: { include: { answer: { include: { publishedRevision: true, article: { select: { slug: true, title: true, question: true } } } } } } },
  });
  if (!r) throw new AppError("not_found", "找不到这次提交。");
  const submitted = r.revision;
  const live = submitted.answer.publishedRevision;
  const author = await db.user.findUnique({ where: { id: r.authorId }, select: { name: true } });
  return {
    id: r.id,
    status: r.status,
    comment: r.comment,
    authorId: r.authorId,
    author: author?.name ?? r.authorId,
    article: submitted.answer.article,
    submitted: { number: submitted.number, body: submitted.body, citations: submitted.citations as AnswerCitation[] },
    published: live ? { number: live.number, body: live.body, citations: live.citations as AnswerCitation[] } : null,
    diff: {
      text: textDiff(live?.body ?? "", submitted.body),
      citations: citationDiff(live ? (live.citations as AnswerCitation[]) : [], submitted.citations as AnswerCitation[]),
      calculators: calculatorDiff(live?.body ?? "", submitted.body),
    },
  };
}

export type Decision = { decision: "approve" | "request_changes"; comment?: string };

/**
 * One decision per submission: the review changes only while it is pending (a conditional UPDATE), in the
 * transaction that publishes, so a second decision at the same moment waits for the first, finds the
 * review decided and changes nothing (409). A decision on words of one's own is refused and audited.
 */
export async function decideReview(db: Db, id: number, reviewer: Editor, d: Decision) {
  if (d.decision === "request_changes" && !d.comment?.trim()) {
    throw new AppError("invalid", "退回修改时请写明原因，作者才知道改什么。", [{ path: ["comment"], message: "请写明退回的原因" }]);
  }
  return withAuditedRefusals(db, async (tx) => {
    const r = await tx.review.findUnique({ where: { id }, include: { revision: { select: { authors: true, advisorId: true } } } });
    if (!r) throw new AppError("not_found", "找不到这次提交。");
    if (r.authorId === reviewer.id || wroteRevision(r.revision, reviewer)) {
      throw new AuditedRefusal("不能审核自己写的解答（包括别人恢复的你写过的版本）：需要另一位审核人。", { actor: reviewer.id, action: AUDIT.reviewOwnRefused, articleId: r.articleId, data: { reviewId: id } });
    }
    const status = d.decision === "approve" ? "approved" : "changes_requested";
    const won = await tx.$queryRaw<{ id: number }[]>`
      UPDATE reviews SET status = ${status}::review_status, reviewer_id = ${reviewer.id}, comment = ${d.comment ?? null}, decided_at = now()
      WHERE id = ${id} AND status = 'pending' RETURNING id`;
    if (!won.length) throw new AppError("conflict", "这次提交已经审核过了（可能是另一位审核人刚刚做了决定），你的决定没有记录。请刷新页面查看结果。");
    await tx.auditEvent.create({ data: { actor: reviewer.id, action: d.decision === "approve" ? AUDIT.reviewApprove : AUDIT.reviewRequestChanges, articleId: r.articleId, data: { reviewId: id, comment: d.comment ?? null } } });
    if (d.decision === "approve") {
      const published = await publishRevisionTx(tx, { revisionId: r.revisionId, by: reviewer.id });
      return { status, revision: published.revision, changed: { articleIds: [published.articleId] } satisfies Changed };
    }
    return { status };
  });
}
