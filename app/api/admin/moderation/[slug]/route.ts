// POST /api/admin/moderation/{slug} { decision: accept | merge (into) | reject (reason?) } → { state }
import { moderateQuestion, moderationSchema } from "@/lib/authoring/moderation";
import { getDb } from "@/lib/db/client";
import { adminRoute } from "@/lib/site/admin-api";

export const dynamic = "force-dynamic";

export const POST = adminRoute<typeof moderationSchema, { slug: string }>({ action: "question.moderate", body: moderationSchema }, ({ editor, params, body }) => moderateQuestion(getDb(), params.slug, body, editor));
