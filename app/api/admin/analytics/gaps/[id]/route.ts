// GET /api/admin/analytics/gaps/{id} → { gap: { …, history, series } } — one gap's story: first search,
// question, answer, lead time, zero-result searches before and after, per day or week.
// POST /api/admin/analytics/gaps/{id} { action: convert | dismiss } → { slug? } — a gap becomes an
// unanswered question (joins the advisors' queue) or is dismissed; audited. Reviewers and admins.
import { z } from "zod";
import { convertGap, dismissGap, gapDetail } from "@/lib/analytics/gaps";
import { topicVocabulary } from "@/lib/site/topics";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/domain/errors";
import { idParam } from "@/lib/domain/text";
import { adminRoute } from "@/lib/site/admin-api";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ action: z.enum(["convert", "dismiss"], { error: "action 应为 convert 或 dismiss" }) });

function gapId(raw: string): number {
  const id = idParam(raw);
  if (id === null) throw new AppError("not_found", "找不到这个内容缺口。");
  return id;
}

export const GET = adminRoute<undefined, { id: string }>({ action: "analytics.read" }, async ({ params }) => {
  const gap = await gapDetail(getDb(), gapId(params.id));
  if (!gap) throw new AppError("not_found", "找不到这个内容缺口。");
  return { gap };
});

export const POST = adminRoute<typeof bodySchema, { id: string }>({ action: "gap.decide", body: bodySchema }, async ({ editor, params, body }) => {
  const id = gapId(params.id);
  if (body.action === "dismiss") {
    await dismissGap(getDb(), id, editor);
    return { state: "dismissed" };
  }
  return { state: "converted", ...(await convertGap(getDb(), id, editor, await topicVocabulary())) };
});
