// What a private follow link shows: the state of the question and, once there is one, the answer. After
// a merge the link shows the question it was merged into; a rejected question says so.
import "server-only";
import { getPublicArticle, type PublicArticle } from "../articles/read.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../domain/errors.ts";
import { ASKED, isAnswered, isPublic } from "../domain/visibility.ts";
import { followPath } from "../urls.ts";
import { clientHash } from "../privacy/client-hash.ts";
import { takeToken } from "./throttle.ts";
import { hashToken, newFollowToken, TOKEN_RE } from "./token.ts";

export type FollowView =
  | { stage: "pending"; title: string; question: string | null; masked: string[] }
  | { stage: "rejected"; title: string; reason: string | null }
  | { stage: "open" | "answered"; article: PublicArticle; merged: boolean }
  | { stage: "gone" };

export async function readFollow(db: Db, token: string): Promise<FollowView | null> {
  if (!TOKEN_RE.test(token)) return null;
  const follow = await db.questionFollow.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!follow) return null;
  const article = await db.article.findUnique({ where: { id: follow.articleId }, select: { slug: true, state: true, title: true, question: true } });
  if (follow.decision === "rejected") return { stage: "rejected", title: article?.title ?? "", reason: follow.reason };
  if (!article) return { stage: "gone" };
  if (article.state === ASKED) return { stage: "pending", title: article.title, question: article.question, masked: follow.masked };
  if (!isPublic(article.state)) return { stage: "gone" };
  const pub = await getPublicArticle(db, article.slug);
  if (!pub) return { stage: "gone" };
  return { stage: isAnswered(pub.state) ? "answered" : "open", article: pub, merged: follow.decision === "merged" };
}

const FOLLOW_LIMITS = [{ windowMs: 10 * 60_000, max: 20 }];

/** A follow link for a public question someone else asked (to learn when it is answered). */
export async function followQuestion(db: Db, slug: string, client: { address: string }): Promise<{ followUrl: string }> {
  const article = await db.article.findUnique({ where: { slug }, select: { id: true, state: true } });
  if (!article || !isPublic(article.state)) throw new AppError("not_found", "找不到这个问题。");
  if (await takeToken(db, `follow:${await clientHash(db, client.address)}`, FOLLOW_LIMITS)) {
    throw new AppError("rate_limited", "操作太频繁了，请稍后再试。");
  }
  const token = newFollowToken();
  await db.questionFollow.create({ data: { tokenHash: hashToken(token), articleId: article.id } });
  return { followUrl: followPath(token) };
}
