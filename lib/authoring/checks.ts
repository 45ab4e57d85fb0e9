// A reviewer checks the figures of a published answer against an official source. The check names the
// revision it vouched for: a later revision is unchecked until someone checks it again. Nobody checks
// figures they wrote (here, and by the answer_checks_four_eyes trigger).
import "server-only";
import type { Db } from "../db/client.ts";
import { checkColumns, type CheckInput } from "../domain/checks.ts";
import { AppError } from "../domain/errors.ts";
import { AuditedRefusal, withAuditedRefusals, wroteRevision } from "./refusals.ts";
import type { Editor } from "./session.ts";
import { AUDIT } from "../domain/audit-actions.ts";
import type { Changed } from "../domain/changes.ts";

export async function recordAnswerCheck(db: Db, answerId: number, input: CheckInput, today: string, reviewer: Editor) {
  const columns = checkColumns(input, today);
  return withAuditedRefusals(db, async (tx) => {
    const answer = await tx.answer.findUnique({ where: { id: answerId }, select: { articleId: true, publishedRevisionId: true, publishedRevision: { select: { authors: true, advisorId: true } } } });
    if (!answer) throw new AppError("not_found", `找不到解答 ${answerId}。`);
    if (!answer.publishedRevisionId || !answer.publishedRevision) throw new AppError("conflict", "这条解答还没有发布，发布后才能核对其中的数字。");
    if (wroteRevision(answer.publishedRevision, reviewer)) {
      throw new AuditedRefusal("不能核对自己写的解答中的数字：需要另一位审核人。", { actor: reviewer.id, action: AUDIT.answerCheckOwnRefused, articleId: answer.articleId, data: { answerId, revisionId: answer.publishedRevisionId } });
    }
    const row = await tx.answerCheck.create({ data: { revisionId: answer.publishedRevisionId, ...columns, reviewerId: reviewer.id }, select: { id: true } });
    await tx.auditEvent.create({
      data: { actor: reviewer.id, action: AUDIT.answerCheck, articleId: answer.articleId, data: { answerId, revisionId: answer.publishedRevisionId, outcome: input.outcome, checkId: row.id, checkedOn: columns.checkedOn } },
    });
    return { id: row.id, outcome: input.outcome, checkedOn: columns.checkedOn, changed: { articleIds: [answer.articleId] } satisfies Changed };
  });
}
