// GET /api/admin/reviews/{id} — a submission against the published answer, with its diffs.
// POST /api/admin/reviews/{id} { decision: "approve" | "request_changes", comment? }
import { z } from "zod";
import { decideReview, reviewDetail } from "@/lib/authoring/reviews";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/domain/errors";
import { idParam } from "@/lib/domain/text";
import { adminRoute } from "@/lib/site/admin-api";

export const dynamic = "force-dynamic";

const decisionSchema = z.object({
  decision: z.enum(["approve", "request_changes"], { error: "须为 approve 或 request_changes" }),
  comment: z.string().max(2000).optional(),
});

function reviewId(raw: string): number {
  const id = idParam(raw);
  if (id === null) throw new AppError("not_found", "找不到这次提交。");
  return id;
}

export const GET = adminRoute<undefined, { id: string }>({ action: "review.read" }, ({ params }) => reviewDetail(getDb(), reviewId(params.id)));

export const POST = adminRoute<typeof decisionSchema, { id: string }>({ action: "review.decide", body: decisionSchema }, async ({ editor, params, body }) => {
  return decideReview(getDb(), reviewId(params.id), editor, body);
});
