// Who may do what in the authoring app. Pure: the server checks use it, the pages use it to decide
// what to show, and the database keeps the four-eye rule on its own (reviews_four_eyes).
export const ROLES = ["advisor", "reviewer", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = { advisor: "顾问", reviewer: "审核人", admin: "管理员" };

const rank: Record<Role, number> = { advisor: 0, reviewer: 1, admin: 2 };

/** An admin can do what a reviewer can, a reviewer what an advisor can. */
export function hasRole(role: Role, needed: Role): boolean {
  return rank[role] >= rank[needed];
}

/**
 * Every action of the authoring app and the least role that may take it: one table read by the API
 * routes (adminRoute), the pages (pageEditor) and the navigation, so that a feature names its role once.
 */
export const PERMISSIONS = {
  // Advisors: the queue and their own answers.
  queue: "advisor",
  "question.create": "advisor",
  claim: "advisor",
  "draft.read": "advisor",
  "draft.save": "advisor",
  "draft.submit": "advisor",
  "revision.restore": "advisor",
  "article.aliases": "advisor",
  preview: "advisor",
  // Reviewers: others' submissions, readers' questions, the figures, search analytics.
  "review.read": "reviewer",
  "review.decide": "reviewer",
  "article.state": "reviewer",
  "question.moderate": "reviewer",
  "answer.check": "reviewer",
  "policy.check": "reviewer",
  "policy.history": "reviewer",
  "stale.read": "reviewer",
  "analytics.read": "reviewer",
  "analytics.export": "reviewer",
  "gap.decide": "reviewer",
  // Admins: accounts and the audit log.
  "accounts.list": "admin",
  "accounts.create": "admin",
  "accounts.update": "admin",
  "audit.read": "admin",
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof PERMISSIONS;

/** Whether someone of `role` may take `action`. */
export function may(role: Role, action: Permission): boolean {
  return hasRole(role, PERMISSIONS[action]);
}
