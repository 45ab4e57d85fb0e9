// Every action the audit log records, with the label the audit page shows for it: one typed list, so
// that an action written anywhere has a label (the compiler holds AUDIT_LABELS complete) and no
// writer spells one by hand. The log is append-only, so a name here is never renamed once written.

export const AUDIT = {
  signIn: "auth.sign_in",
  signInFailed: "auth.sign_in_failed",
  passwordChanged: "auth.password_changed",
  signedOutElsewhere: "auth.signed_out_elsewhere",
  forbidden: "auth.forbidden",
  accountCreate: "account.create",
  accountUpdate: "account.update",
  articleCreate: "article.create",
  articleState: "article.state",
  articleRename: "article.rename",
  articleAliases: "article.aliases",
  answerSubmit: "answer.submit",
  answerPublish: "answer.publish",
  answerCheck: "answer.check",
  answerCheckOwnRefused: "answer.check_own_refused",
  revisionPublish: "revision.publish",
  reviewApprove: "review.approve",
  reviewRequestChanges: "review.request_changes",
  reviewOwnRefused: "review.own_refused",
  questionClaim: "question.claim",
  questionAccept: "question.accept",
  questionMerge: "question.merge",
  questionReject: "question.reject",
  policyCheck: "policy.check",
  gapConvert: "gap.convert",
  gapDismiss: "gap.dismiss",
} as const;

export type AuditAction = (typeof AUDIT)[keyof typeof AUDIT];

export const AUDIT_LABELS: Record<AuditAction, string> = {
  [AUDIT.signIn]: "登录",
  [AUDIT.signInFailed]: "登录失败",
  [AUDIT.passwordChanged]: "修改密码",
  [AUDIT.signedOutElsewhere]: "在其他设备上退出",
  [AUDIT.forbidden]: "越权操作被拒",
  [AUDIT.accountCreate]: "创建账号",
  [AUDIT.accountUpdate]: "更改账号",
  [AUDIT.articleCreate]: "新建问题",
  [AUDIT.articleState]: "更改状态",
  [AUDIT.articleRename]: "更改地址",
  [AUDIT.articleAliases]: "更改相似问法",
  [AUDIT.answerSubmit]: "提交解答",
  [AUDIT.answerPublish]: "发布解答",
  [AUDIT.answerCheck]: "核对解答中的数字",
  [AUDIT.answerCheckOwnRefused]: "核对自己写的解答被拒",
  [AUDIT.revisionPublish]: "发布修订",
  [AUDIT.reviewApprove]: "批准",
  [AUDIT.reviewRequestChanges]: "退回修改",
  [AUDIT.reviewOwnRefused]: "审核自己的提交被拒",
  [AUDIT.questionClaim]: "认领问题",
  [AUDIT.questionAccept]: "采纳读者提问",
  [AUDIT.questionMerge]: "合并读者提问",
  [AUDIT.questionReject]: "拒绝读者提问",
  [AUDIT.policyCheck]: "核实政策",
  [AUDIT.gapConvert]: "内容缺口转为问题",
  [AUDIT.gapDismiss]: "忽略内容缺口",
};

/** The label of a stored action; an action no longer in the list (an old row) is shown as written. */
export function auditLabel(action: string): string {
  return (AUDIT_LABELS as Record<string, string>)[action] ?? action;
}
