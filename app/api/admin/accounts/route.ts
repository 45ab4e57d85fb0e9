// GET /api/admin/accounts — every account (admins only).
// POST /api/admin/accounts { email, name, role, title?, organisation?, license? } → 201 { userId, advisorId, password }
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { createAccount, listAccounts } from "@/lib/authoring/accounts";
import { getDb } from "@/lib/db/client";
import { adminRoute } from "@/lib/site/admin-api";

export const dynamic = "force-dynamic";

const accountSchema = z.object({
  email: z.email("须为有效的邮箱地址"),
  name: z.string().trim().min(1, "请填写姓名").max(40),
  role: z.enum(ROLES, { error: "角色须为 advisor、reviewer 或 admin" }),
  title: z.string().trim().max(40).optional(),
  organisation: z.string().trim().max(80).optional(),
  license: z.string().trim().max(40).optional(),
});

export const GET = adminRoute({ action: "accounts.list" }, async () => ({ items: await listAccounts(getDb()) }));

export const POST = adminRoute({ action: "accounts.create", body: accountSchema }, async ({ body, editor }) => createAccount(getDb(), { ...body, by: editor.id }), 201);
