// PUT /api/admin/questions/{slug}/aliases { aliases } — replaces a question's 相似问法 (advisors and
// reviewers). Written through the one save path: an audit event, and an outbox row that re-indexes it.
import { z } from "zod";
import { setArticleAliases } from "@/lib/articles/revisions";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/domain/errors";
import { aliasListSchema } from "@/lib/domain/schema";
import { adminRoute } from "@/lib/site/admin-api";

export const dynamic = "force-dynamic";

const aliasesSchema = z.object({ aliases: aliasListSchema }, { error: "请求内容必须包含相似问法列表" });

export const PUT = adminRoute<typeof aliasesSchema, { slug: string }>({ action: "article.aliases", body: aliasesSchema }, async ({ editor, params, body }) => {
  const db = getDb();
  const article = await db.article.findUnique({ where: { slug: params.slug }, select: { id: true } });
  if (!article) throw new AppError("not_found", `找不到问题 ${params.slug}。`);
  return setArticleAliases(db, { articleId: article.id, aliases: body.aliases, by: editor.id });
});
