// Accounts of the authoring app. No public sign-up: the first admin comes from `npm run user:add`,
// the others are created by admins. Every account writes as an advisor profile of its own.
import "server-only";
import { randomBytes } from "node:crypto";
import { getAuth } from "../auth/auth.ts";
import { passwordProblem } from "../auth/password-strength.ts";
import type { Role } from "../auth/roles.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../domain/errors.ts";
import { toSyllables } from "../query/pinyin.ts";
import { AUDIT } from "../domain/audit-actions.ts";
import type { Changed } from "../domain/changes.ts";

export type NewAccount = {
  email: string;
  name: string;
  role: Role;
  /** Omitted: a password is generated (and returned once). */
  password?: string;
  /** The advisor profile: title such as 执业律师 / 医保顾问, organisation, licence number. */
  title?: string;
  organisation?: string;
  license?: string;
  by: string;
};

/** A readable, unique advisor id from the name (its pinyin), e.g. "wang-lin", "wang-lin-2". */
async function advisorIdFor(db: Db, name: string, email: string): Promise<string> {
  const base = (toSyllables(name).join("-") || email.split("@")[0]!.toLowerCase().replace(/[^a-z0-9]+/g, "-")).replace(/^-+|-+$/g, "").slice(0, 40) || "advisor";
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!(await db.advisor.findUnique({ where: { id }, select: { id: true } }))) return id;
  }
}

export async function createAccount(db: Db, input: NewAccount, databaseUrl?: string): Promise<{ userId: string; advisorId: string; password: string }> {
  const email = input.email.trim().toLowerCase();
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw new AppError("conflict", `邮箱 ${email} 已有账号。`);
  const password = input.password ?? randomBytes(12).toString("base64url");
  // A generated password is 16 random characters; one chosen by a person must be hard to guess.
  const problem = input.password === undefined ? null : passwordProblem(password, { email, name: input.name });
  if (problem) throw new AppError("invalid", problem, [{ path: ["password"], message: problem }]);
  const ctx = await getAuth(databaseUrl).$context;
  const advisorId = await advisorIdFor(db, input.name, email);
  await db.advisor.create({
    data: { id: advisorId, origin: "web", name: input.name, title: input.title ?? (input.role === "advisor" ? "医保顾问" : "审核编辑"), organisation: input.organisation ?? null, license: input.license ?? null, contentHash: "" },
  });
  const user = await ctx.internalAdapter.createUser({ email, name: input.name, emailVerified: true, role: input.role, advisorId }, { method: "admin" });
  await ctx.internalAdapter.linkAccount({ userId: user.id, providerId: "credential", accountId: user.id, password: await ctx.password.hash(password) });
  await db.auditEvent.create({ data: { actor: input.by, action: AUDIT.accountCreate, data: { userId: user.id, email, role: input.role, advisorId } } });
  return { userId: user.id, advisorId, password };
}

export async function listAccounts(db: Db) {
  const users = await db.user.findMany({ orderBy: { createdAt: "asc" }, include: { advisor: { select: { id: true, title: true, verified: true } } } });
  return users.map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, advisor: u.advisor, createdAt: u.createdAt.toISOString() }));
}

export type AccountChange = { role?: Role; verified?: boolean; title?: string; organisation?: string | null; license?: string | null; bio?: string | null };

/** An admin changes an account's role or its advisor profile (the verified mark included). */
export async function updateAccount(db: Db, userId: string, change: AccountChange, by: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, role: true, advisorId: true } });
  if (!user) throw new AppError("not_found", "找不到这个账号。");
  if (change.role && userId === by && change.role !== "admin") throw new AppError("invalid", "不能取消自己的管理员权限：请让另一位管理员操作。");
  const { role, ...profile } = change;
  await db.$transaction(async (tx) => {
    if (role && role !== "admin") {
      // At least one admin remains: the admins' rows are locked, so two admins demoting each other at
      // once take turns and the second sees the first's change (the users_keep_an_admin trigger agrees).
      const admins = (await tx.$queryRaw<{ id: string }[]>`SELECT id FROM users WHERE role = 'admin' FOR UPDATE`).map((a) => a.id);
      if (admins.includes(userId) && !admins.some((id) => id !== userId)) {
        throw new AppError("conflict", "不能取消最后一位管理员的权限：至少要保留一位管理员。");
      }
      if (admins.length && !admins.includes(by)) throw new AppError("forbidden", "你的账号已不是管理员，不能修改账号。");
    }
    if (role && role !== user.role) await tx.user.update({ where: { id: userId }, data: { role } });
    if (user.advisorId && Object.keys(profile).length) await tx.advisor.update({ where: { id: user.advisorId }, data: profile });
    await tx.auditEvent.create({ data: { actor: by, action: AUDIT.accountUpdate, data: { userId, ...change } } });
  });
  // An advisor's profile (name line, verification, bio) is shown with every answer published in their name.
  const answered = user.advisorId && Object.keys(profile).length
    ? await db.$queryRawUnsafe<{ article_id: string }[]>(
        `SELECT DISTINCT s.article_id::text AS article_id FROM answers s JOIN answer_revisions r ON r.id = s.published_revision_id WHERE r.advisor_id = $1`,
        user.advisorId,
      )
    : [];
  return { ok: true, changed: { articleIds: answered.map((r) => r.article_id) } satisfies Changed };
}
