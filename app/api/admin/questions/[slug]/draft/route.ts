// GET / PUT /api/admin/questions/{slug}/draft — the caller's working draft of their answer.
import { z } from "zod";
import { myAnswer, saveMyDraft } from "@/lib/authoring/answers";
import { getDb } from "@/lib/db/client";
import { citationSchema } from "@/lib/domain/schema";
import { INT4_MAX } from "@/lib/domain/text";
import { BODY_LIMITS } from "@/lib/http/body";
import { adminRoute } from "@/lib/site/admin-api";

export const dynamic = "force-dynamic";

const draftSchema = z.object({
  body: z.string().max(200_000, "解答太长（上限 20 万字符）"),
  citations: z.array(citationSchema.omit({ answer: true })).max(50).optional(),
  baseRevisionId: z.number().int().min(1).max(INT4_MAX).nullable().optional(),
});

export const GET = adminRoute<undefined, { slug: string }>({ action: "draft.read" }, async ({ editor, params }) => {
  const a = await myAnswer(getDb(), params.slug, editor);
  return {
    slug: a.article.slug,
    title: a.article.title,
    draft: a.draft ? { body: a.draft.body, citations: a.draft.citations, baseRevisionId: a.draft.baseRevisionId, version: a.draft.version, savedAt: a.draft.updatedAt } : null,
    published: a.published ? { id: a.published.id, number: a.published.number, body: a.published.body, citations: a.published.citations } : null,
  };
});

export const PUT = adminRoute<typeof draftSchema, { slug: string }>({ action: "draft.save", body: draftSchema, maxBytes: BODY_LIMITS.draft }, async ({ editor, params, body }) => {
  const r = await saveMyDraft(getDb(), params.slug, editor, body);
  return { revision: r.baseRevisionId, answerId: r.answerId, version: r.version, savedAt: r.savedAt };
});
