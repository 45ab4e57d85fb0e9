// POST /api/admin/accounts/{id} { role?, verified?, title?, organisation?, license?, bio? } — admins only.
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { updateAccount } from "@/lib/authoring/accounts";
import { getDb } from "@/lib/db/client";
import { adminRoute } from "@/lib/site/admin-api";

export const dynamic = "force-dynamic";

const changeSchema = z
  .object({
    role: z.enum(ROLES, { error: "角色须为 advisor、reviewer 或 admin" }).optional(),
    verified: z.boolean().optional(),
    title: z.string().trim().min(1).max(40).optional(),
    organisation: z.string().trim().max(80).nullable().optional(),
    license: z.string().trim().max(40).nullable().optional(),
    bio: z.string().trim().max(2000).nullable().optional(),
  })
  .strict();

export const POST = adminRoute<typeof changeSchema, { id: string }>({ action: "accounts.update", body: changeSchema }, ({ editor, params, body }) =>
  updateAccount(getDb(), params.id, body, editor.id),
);
