// Who is calling: the session from the request's cookies, checked on the server for every authoring
// page, action and route. A missing session is 401, a role too low is 403 with an audit line.
import "server-only";
import { getAuth } from "../auth/auth.ts";
import { hasRole, type Role, ROLES } from "../auth/roles.ts";
import { getDb } from "../db/client.ts";
import { isDatabaseUnavailable } from "../db/availability.ts";
import { AppError } from "../domain/errors.ts";
import { AUDIT } from "../domain/audit-actions.ts";

export type Editor = { id: string; name: string; email: string; role: Role; advisorId: string | null };

export async function currentEditor(headers: Headers): Promise<Editor | null> {
  const session = await getAuth()
    .api.getSession({ headers })
    .catch(async (e: unknown) => {
      // A session that cannot be read because Postgres is down is an outage (503), not "please sign in".
      // (The cause lets instrumentation.ts mark an authoring page that failed so as a 503 too.)
      const cause = isDatabaseUnavailable(e) ? e : await getDb().$queryRawUnsafe("SELECT 1").then(() => null, (down: unknown) => down);
      if (cause) throw Object.assign(new AppError("unavailable", "服务暂时不可用，请稍后再试。"), { cause });
      return null;
    });
  if (!session) return null;
  const u = session.user as typeof session.user & { role?: string; advisorId?: string | null };
  const role = (ROLES as readonly string[]).includes(u.role ?? "") ? (u.role as Role) : "advisor";
  return { id: u.id, name: u.name, email: u.email, role, advisorId: u.advisorId ?? null };
}

export async function requireEditor(headers: Headers, needed: Role = "advisor", action = "access"): Promise<Editor> {
  const editor = await currentEditor(headers);
  if (!editor) throw new AppError("unauthenticated", "请先登录。");
  if (!hasRole(editor.role, needed)) {
    await getDb().auditEvent.create({ data: { actor: editor.id, action: AUDIT.forbidden, data: { needed, action } } });
    throw new AppError("forbidden", "你的账号没有这项操作的权限。");
  }
  return editor;
}
