// POST /api/questions { title, question?, region?, insurance? } → 202 { followUrl, masked } — a reader's
// question, pending until a moderator accepts it. 429 over the per-client limit.
import { askQuestion, askSchema } from "@/lib/asks/ask";
import { getDb } from "@/lib/db/client";
import { clientOf } from "@/lib/http/client";
import { publicRoute } from "@/lib/site/admin-api";
import { BODY_LIMITS } from "@/lib/http/body";
import { topicVocabulary } from "@/lib/site/topics";

export const dynamic = "force-dynamic";

export const POST = publicRoute({ body: askSchema, maxBytes: BODY_LIMITS.ask }, async ({ req, body }) => askQuestion(getDb(), body, clientOf(req.headers), await topicVocabulary()), 202);
