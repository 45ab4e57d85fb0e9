// POST /api/admin/questions/{slug}/state { state } — archive (unpublish) a question or bring it back
// (reviewers). Whether the article's content allows the state is validateArticle's call.
import { z } from "zod";
import { setArticleState } from "@/lib/articles/revisions";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/domain/errors";
import { statusSchema } from "@/lib/domain/schema";
import { adminRoute } from "@/lib/site/admin-api";

export const dynamic = "force-dynamic";

const stateSchema = z.object({ state: statusSchema });

export const POST = adminRoute<typeof stateSchema, { slug: string }>({ action: "article.state", body: stateSchema }, async ({ editor, params, body }) => {
  const db = getDb();
  const article = await db.article.findUnique({ where: { slug: params.slug }, select: { id: true } });
  if (!article) throw new AppError("not_found", `找不到问题 ${params.slug}。`);
  const { changed } = await setArticleState(db, { articleId: article.id, state: body.state, by: editor.id });
  return { state: body.state, changed };
});
