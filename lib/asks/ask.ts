// A reader asks a question: no account, no e-mail. Anti-abuse without third parties (a honeypot field,
// per-client limits in Postgres, length limits, link spam refused), personal data masked before storage,
// then one transaction: the article (state pending, through the one save path) and its follow link.
import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { clientHash } from "../privacy/client-hash.ts";
import { createArticleTx, inTransaction } from "../articles/revisions.ts";
import { freeSlug, isSlugRace } from "../authoring/questions.ts";
import type { Db, Tx } from "../db/client.ts";
import { AppError } from "../domain/errors.ts";
import { insuranceSchema, type TopicVocabulary } from "../domain/schema.ts";
import { ASKED } from "../domain/visibility.ts";
import { isRegionCode, NATIONWIDE } from "../regions/index.ts";
import { followPath } from "../urls.ts";
import { maskPersonalData, PII_LABELS, type PiiKind } from "./mask.ts";
import { isStorableText, TEXT_MESSAGE } from "../domain/text.ts";
import { hasSpamLinks } from "./spam.ts";
import { ASK_LIMITS, takeToken } from "./throttle.ts";
import { askFollowToken, hashToken, newFollowToken } from "./token.ts";
import { inferTopics } from "../domain/topics.ts";
import { newQuestion } from "../domain/new-question.ts";

export const TITLE_MIN = 5;
export const TITLE_MAX = 60;
export const QUESTION_MAX = 2000;

// The one text rule (lib/domain/text.ts): NUL and unpaired surrogates, which Postgres text cannot hold,
// are refused with a Chinese message. The transport applies it to every body first; this keeps the
// verb safe when called from elsewhere.
const text = (what: string) => z.string({ error: `${what}应为文字` }).refine(isStorableText, TEXT_MESSAGE);

export const askSchema = z.object({
  title: text("问题").trim().min(TITLE_MIN, `问题至少写 ${TITLE_MIN} 个字`).max(TITLE_MAX, `问题最多 ${TITLE_MAX} 个字，细节可以写在补充说明里`),
  question: text("补充说明").trim().max(QUESTION_MAX, `补充说明最多 ${QUESTION_MAX} 个字`).optional().transform((v) => v || undefined),
  region: text("地区")
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || (/^\d{6}$/.test(v) && isRegionCode(v)), "地区代码无效，请从列表中选择"),
  insurance: z
    .union([insuranceSchema, z.literal("")], { error: "险种应为职工医保或城乡居民医保" })
    .optional()
    .transform((v) => v || undefined),
  /** The honeypot: hidden from people, filled in by form-filling bots. */
  website: z.string().optional(),
});
export type AskInput = z.input<typeof askSchema>;

export type AskResult = { followUrl: string; masked: string[] };

/** How long the same question from the same client counts as sent again (a double click, a retry). */
export const SAME_ASK_MS = 10 * 60_000;

/**
 * `topics`: the content's topic vocabulary, to give the question its topics (lib/site/topics.ts). The
 * same question sent again by the same client within SAME_ASK_MS gets the first one's follow link.
 */
export async function askQuestion(db: Db, input: z.output<typeof askSchema>, client: { address: string }, topics: TopicVocabulary): Promise<AskResult> {
  // A bot that filled the hidden field is told it succeeded and learns nothing; nothing is stored.
  if (input.website?.trim()) return { followUrl: followPath(newFollowToken()), masked: [] };
  if (hasSpamLinks(`${input.title}\n${input.question ?? ""}`)) {
    throw new AppError("invalid", "问题里请不要附网址链接（政府网站除外）。");
  }
  const clientKey = await clientHash(db, client.address);
  const askKey = sameAskKey(clientKey, input.title, input.question);
  const title = maskPersonalData(input.title);
  const question = input.question ? maskPersonalData(input.question) : undefined;
  const masked = [...new Set<PiiKind>([...title.found, ...(question?.found ?? [])])];
  // The slug from the title without the masks; two readers asking the same at once get the next one.
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(db, async (tx) => {
        // Identical asks of one client wait for each other here: the first stores, the others find it.
        await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext($1))`, askKey);
        const first = await tx.questionFollow.findFirst({ where: { askKey, createdAt: { gt: new Date(Date.now() - SAME_ASK_MS) } }, orderBy: { createdAt: "asc" } });
        if (first) return { followUrl: followPath(askFollowToken(askKey, first.createdAt)), masked: first.masked.map((k) => PII_LABELS[k as PiiKind] ?? k) };
        const broken = await takeToken(db, `ask:${clientKey}`, ASK_LIMITS);
        if (broken) {
          const minutes = Math.round(broken.windowMs / 60_000);
          throw new AppError("rate_limited", minutes >= 1440 ? `今天提问次数已达上限（${broken.max} 个），请明天再来。` : `提问太频繁了：${minutes} 分钟内最多 ${broken.max} 个问题，请稍后再试。`);
        }
        const slug = await freeSlug(tx, title.text.replace(/［[^］]*］/g, ""));
        const createdAt = new Date();
        await store(tx, slug, { askKey, createdAt }, title.text, question?.text, input, masked, topics);
        return { followUrl: followPath(askFollowToken(askKey, createdAt)), masked: masked.map((k) => PII_LABELS[k]) };
      });
    } catch (e) {
      if (!isSlugRace(e)) throw e;
      if (attempt >= 3) throw new AppError("conflict", "同时有其他读者提了同样的问题，请稍后重试。");
    }
  }
}

/** The same client (today's hash of its address) asking the same words; whitespace and case do not count. */
function sameAskKey(clientKey: string, title: string, question: string | undefined): string {
  const norm = (s: string | undefined) => (s ?? "").normalize("NFKC").replace(/\s+/g, "").toLowerCase();
  return createHash("sha256").update(clientKey).update("\0").update(norm(title)).update("\0").update(norm(question)).digest("hex");
}

async function store(tx: Tx, slug: string, ask: { askKey: string; createdAt: Date }, title: string, question: string | undefined, input: z.output<typeof askSchema>, masked: PiiKind[], topics: TopicVocabulary) {
  const { id } = await createArticleTx(tx, {
    by: "public",
    article: newQuestion({
      slug,
      title,
      question,
      region: input.region ?? NATIONWIDE,
      insurance: input.insurance ? [input.insurance] : undefined,
      topics: inferTopics(`${title}${question ?? ""}`, topics),
      status: ASKED,
    }),
  });
  const token = askFollowToken(ask.askKey, ask.createdAt);
  await tx.questionFollow.create({ data: { tokenHash: hashToken(token), articleId: id, askedArticleId: id, masked, askKey: ask.askKey, createdAt: ask.createdAt } });
}
