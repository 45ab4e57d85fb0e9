// POST /api/admin/answers/{id}/checks { outcome: verified | unverified, title?, publisher?, number?, publishedOn?, url?, checkedOn?, note? }
//      → 201 { id, outcome, checkedOn }: a reviewer's check of the published answer's figures; its page is
//      expired on every web server.
import { recordAnswerCheck } from "@/lib/authoring/checks";
import { todayInChina } from "@/lib/domain/dates";
import { getDb } from "@/lib/db/client";
import { answerCheckInputSchema } from "@/lib/domain/checks";
import { AppError } from "@/lib/domain/errors";
import { idParam } from "@/lib/domain/text";
import { adminRoute } from "@/lib/site/admin-api";

export const dynamic = "force-dynamic";

export const POST = adminRoute<typeof answerCheckInputSchema, { id: string }>(
  { action: "answer.check", body: answerCheckInputSchema },
  async ({ params, body, editor }) => {
    const answerId = idParam(params.id);
    if (answerId === null) throw new AppError("not_found", "找不到这条解答。");
    return recordAnswerCheck(getDb(), answerId, body, todayInChina(), editor);
  },
  201,
);
