// POST /api/admin/questions/{slug}/claim → { until } — the caller works on this question for a while.
import { claimQuestion } from "@/lib/authoring/queue";
import { getDb } from "@/lib/db/client";
import { adminRoute } from "@/lib/site/admin-api";

export const dynamic = "force-dynamic";

export const POST = adminRoute<undefined, { slug: string }>({ action: "claim" }, ({ editor, params }) => claimQuestion(getDb(), params.slug, editor));
