// POST /api/admin/revisions/{id}/restore → { reviewId } — an older revision submitted again, for review.
import { restoreRevision } from "@/lib/authoring/answers";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/domain/errors";
import { idParam } from "@/lib/domain/text";
import { adminRoute } from "@/lib/site/admin-api";

export const dynamic = "force-dynamic";

export const POST = adminRoute<undefined, { id: string }>({ action: "revision.restore" }, ({ editor, params }) => {
  const id = idParam(params.id);
  if (id === null) throw new AppError("not_found", "找不到这个修订版本。");
  return restoreRevision(getDb(), id, editor);
});
