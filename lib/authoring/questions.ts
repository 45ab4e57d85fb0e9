// A new question written in the app by an advisor (it joins the queue as unanswered).
import "server-only";
import { z } from "zod";
import { createArticle } from "../articles/revisions.ts";
import type { Db, DbOrTx } from "../db/client.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { AppError } from "../domain/errors.ts";
import { frontmatterSchema, insuranceSchema } from "../domain/schema.ts";
import { toSyllables } from "../query/pinyin.ts";
import type { Editor } from "./session.ts";
import type { Changed } from "../domain/changes.ts";
import { newQuestion } from "../domain/new-question.ts";

export const newQuestionSchema = z.object({
  title: frontmatterSchema.shape.title,
  question: frontmatterSchema.shape.question,
  region: frontmatterSchema.shape.region,
  insurance: z.array(insuranceSchema).min(1, "至少选择一种险种"),
  topics: frontmatterSchema.shape.topics,
  year: frontmatterSchema.shape.year,
});
export type NewQuestion = z.infer<typeof newQuestionSchema>;

/** A slug from the title's pinyin that no article or old slug uses yet. */
export async function freeSlug(db: DbOrTx, title: string): Promise<string> {
  const base = toSyllables(title).slice(0, 10).join("-").replace(/[^a-z0-9-]/g, "").replace(/-+/g, "-").replace(/^-|-$/g, "") || "wenti";
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const taken = (await db.article.findUnique({ where: { slug }, select: { id: true } })) || (await db.slugRedirect.findUnique({ where: { slug } }));
    if (!taken) return slug;
  }
}

/** A slug taken between looking and writing (a same-titled question created at once): worth another try. */
export function isSlugRace(e: unknown): boolean {
  return (e instanceof AppError && e.code === "conflict") || isUniqueViolation(e);
}

export async function createQuestion(db: Db, input: NewQuestion, editor: Editor): Promise<{ slug: string; changed: Changed }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await createQuestionAs(db, await freeSlug(db, input.title), input, editor);
    } catch (e) {
      if (!isSlugRace(e)) throw e;
      if (attempt >= 4) throw new AppError("conflict", "同时有其他同名问题在创建，请稍后重试。");
    }
  }
}

async function createQuestionAs(db: Db, slug: string, input: NewQuestion, editor: Editor): Promise<{ slug: string; changed: Changed }> {
  const { id } = await createArticle(db, {
    by: editor.id,
    article: newQuestion({ slug, ...input }),
  });
  return { slug, changed: { articleIds: [id], slugs: [slug] } };
}
