// POST /api/admin/questions/{slug}/draft/submit { summary?, baseDraftVersion? } → { reviewId, revision, draftVersion }
import { z } from "zod";
import { submitMyDraft } from "@/lib/authoring/answers";
import { getDb } from "@/lib/db/client";
import { adminRoute } from "@/lib/site/admin-api";

export const dynamic = "force-dynamic";

const submitSchema = z
  .object({
    summary: z.string().max(200).optional(),
    baseDraftVersion: z.number({ error: "baseDraftVersion 应为草稿的版本号" }).int().min(1).max(2 ** 31 - 1).optional(),
  })
  .optional();

export const POST = adminRoute<typeof submitSchema, { slug: string }>({ action: "draft.submit", body: submitSchema }, ({ editor, params, body }) =>
  submitMyDraft(getDb(), params.slug, editor, { summary: body?.summary, baseDraftVersion: body?.baseDraftVersion }),
);
