import { notFound } from "next/navigation";
import { AliasesEditor } from "@/components/admin/AliasesEditor";
import { AnswerEditor } from "@/components/admin/AnswerEditor";
import { CheckForm } from "@/components/admin/CheckForm";
import { History } from "@/components/admin/History";
import { AnswerCheckLine } from "@/components/AnswerCheckLine";
import { getPublicArticle } from "@/lib/articles/read";
import { may } from "@/lib/auth/roles";
import { todayInChina } from "@/lib/domain/dates";
import { statesFigures } from "@/lib/domain/freshness";
import { answerHistory, myAnswer } from "@/lib/authoring/answers";
import { getPolicies } from "@/lib/calculators/policies/server-policies";
import { getDb } from "@/lib/db/client";
import { pageEditor } from "@/lib/site/admin-page";
import { AppError } from "@/lib/domain/errors";
import { slugSchema } from "@/lib/domain/schema";
import { regionLabel } from "@/lib/regions";
import { adminAnswerChecksApiPath } from "@/lib/urls";

export const metadata = { title: "撰写解答" };

type Props = { params: Promise<{ slug: string }> };

const SCHEME: Record<string, string> = { outpatient: "门诊", inpatient: "住院", maternity: "生育" };

export default async function EditPage({ params }: Props) {
  const editor = await pageEditor("draft.read");
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
        draftVersion={mine.draft?.version ?? null}
        calculators={calculators}
        pendingReview={pendingReview}
      />
      <AliasesEditor slug={slug.data} initial={article.aliases} />
      {may(editor.role, "answer.check") ? <FigureChecks slug={slug.data} /> : null}
      <h2>修订历史</h2>
      <History items={mine.answerId ? (await answerHistory(db, slug.data)).filter((r) => r.answerId === mine.answerId) : []} />
    </>
  );
}

/** Reviewers: each published answer's figures, checked against an official source. */
async function FigureChecks({ slug }: { slug: string }) {
  const article = await getPublicArticle(getDb(), slug);
  const answers = (article?.answers ?? []).map((ans, i) => ({ ans, meta: article!.answerMeta[i]! })).filter(({ ans }) => statesFigures(ans.body));
  if (!answers.length) return null;
  const today = todayInChina();
  return (
    <section aria-labelledby="figure-checks">
      <h2 id="figure-checks">核对解答中的数字</h2>
      <p className="meta">对照官方文件核对已发布解答里的金额和比例。读者会在解答下看到核对日期和文件；解答以后再修改，新版本需要重新核对。</p>
      {answers.map(({ ans, meta }) => (
        <details key={meta.answerId} className="figure-check">
          <summary>
            {meta.advisor.name}的解答（第 {meta.revision} 版，{ans.date}）：{meta.check ? (meta.check.outcome === "verified" ? `已核对（${meta.check.on}）` : `未能核实（${meta.check.on}）`) : "尚未核对"}
          </summary>
          {meta.check ? <AnswerCheckLine check={meta.check} today={today} /> : null}
          <CheckForm
            endpoint={adminAnswerChecksApiPath(meta.answerId)}
            outcomes={["verified", "unverified"]}
            today={today}
            source={meta.check?.source ?? undefined}
            done="公开页面已更新。"
            label={`记录${meta.advisor.name}解答的核对结果`}
          />
        </details>
      ))}
    </section>
  );
}
