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
