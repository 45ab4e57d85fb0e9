import { notFound } from "next/navigation";
import { AliasesEditor } from "@/components/admin/AliasesEditor";
import { AnswerEditor } from "@/components/admin/AnswerEditor";
import { History } from "@/components/admin/History";
import { answerHistory, myAnswer } from "@/lib/authoring/answers";
import { getPolicies } from "@/lib/calculators/policies/server-policies";
import { getDb } from "@/lib/db/client";
import { pageEditor } from "@/lib/site/admin-page";
import { AppError } from "@/lib/domain/errors";
import { slugSchema } from "@/lib/domain/schema";
import { regionLabel } from "@/lib/regions";

export const metadata = { title: "撰写解答" };

type Props = { params: Promise<{ slug: string }> };

const SCHEME: Record<string, string> = { outpatient: "门诊", inpatient: "住院", maternity: "生育" };

export default async function EditPage({ params }: Props) {
  const editor = await pageEditor();
  const slug = slugSchema.safeParse((await params).slug);
  if (!slug.success) notFound();
  const db = getDb();
  const mine = await myAnswer(db, slug.data, editor).catch((e) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  const article = await db.article.findUniqueOrThrow({ where: { slug: slug.data }, select: { question: true, region: true, aliases: true } });
  // The calculator picker offers exactly the policies the data has.
  const calculators = (await getPolicies().catch(() => [])).map((p) => ({
    label: `${regionLabel(p.region)} ${p.year} ${p.insurance === "resident" ? "居民" : "职工"}${SCHEME[p.scheme] ?? p.scheme}`,
    directive: `::calculator{region="${p.region}" year="${p.year}" insurance="${p.insurance}" scheme="${p.scheme}"}`,
  }));
  const pendingReview = mine.latest?.review?.status === "pending";
  // Where the editor starts: the draft; else a submission not yet published (sent back, or waiting); else the live answer.
  const unpublished = mine.latest && mine.latest.id !== mine.published?.id ? mine.latest : null;
  const source = mine.draft ?? unpublished ?? mine.published;
  return (
    <>
      <h1>{mine.article.title}</h1>
      {article.question ? <p className="asker">{article.question}</p> : null}
      <p className="meta">{regionLabel(article.region)} · 你的草稿只有你能看到；提交后由另一位审核人批准发布。</p>
      {mine.latest?.review?.status === "changes_requested" ? (
        <p className="notice" role="note">
          审核人退回了你的第 {mine.latest.number} 版{mine.latest.review.comment ? `：${mine.latest.review.comment}` : "。"}修改后可再次提交。
        </p>
      ) : null}
      <AnswerEditor
        slug={slug.data}
        initialBody={source?.body ?? ""}
        initialCitations={(source?.citations ?? []) as { title: string }[]}
        baseRevisionId={mine.draft ? mine.draft.baseRevisionId : (mine.published?.id ?? null)}
        calculators={calculators}
        pendingReview={pendingReview}
      />
      <AliasesEditor slug={slug.data} initial={article.aliases} />
      <h2>修订历史</h2>
      <History items={mine.answerId ? (await answerHistory(db, slug.data)).filter((r) => r.answerId === mine.answerId) : []} />
    </>
  );
}
