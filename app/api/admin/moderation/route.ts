// GET /api/admin/moderation → { items } — readers' questions waiting for a moderator (reviewers).
import { pendingQuestions } from "@/lib/authoring/moderation";
import { getDb } from "@/lib/db/client";
import { adminRoute } from "@/lib/site/admin-api";

export const dynamic = "force-dynamic";

export const GET = adminRoute({ action: "question.moderate" }, async () => ({ items: await pendingQuestions(getDb()) }));
