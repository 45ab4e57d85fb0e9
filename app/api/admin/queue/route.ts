// GET /api/admin/queue?region=&topic=&insurance= — questions waiting for an answer, most asked first.
import { listQueue } from "@/lib/authoring/queue";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/domain/errors";
import { isStorableText, TEXT_MESSAGE } from "@/lib/domain/text";
import { adminRoute } from "@/lib/site/admin-api";

export const dynamic = "force-dynamic";

export const GET = adminRoute({ action: "queue" }, async ({ req }) => {
  const q = new URL(req.url).searchParams;
  const filter = (k: string) => {
    const v = q.get(k)?.slice(0, 40);
    if (v && !isStorableText(v)) throw new AppError("invalid", `${k}${TEXT_MESSAGE}。`);
    return v || undefined;
  };
  return { items: await listQueue(getDb(), { region: filter("region"), topic: filter("topic"), insurance: filter("insurance") }) };
});
