// POST /api/admin/questions/{slug}/draft/submit { summary? } → { reviewId }
import { z } from "zod";
import { submitMyDraft } from "@/lib/authoring/answers";
import { getDb } from "@/lib/db/client";
import { adminRoute } from "@/lib/site/admin-api";

export const dynamic = "force-dynamic";

const submitSchema = z.object({ summary: z.string().max(200).optional() }).optional();

export const POST = adminRoute<typeof submitSchema, { slug: string }>({ action: "draft.submit", body: submitSchema }, ({ editor, params, body }) =>
  submitMyDraft(getDb(), params.slug, editor, body?.summary),
);
