import { notFound } from "next/navigation";
import { AnswerBody } from "@/components/AnswerBody";
import { ReviewActions } from "@/components/admin/ReviewActions";
import { reviewDetail } from "@/lib/authoring/reviews";
import { getDb } from "@/lib/db/client";
import { pageEditor } from "@/lib/site/admin-page";
import { AppError } from "@/lib/domain/errors";
import { regionLabel } from "@/lib/regions";
import { questionPath } from "@/lib/urls";

export const metadata = { title: "审核提交" };

type Props = { params: Promise<{ id: string }> };

const STATUS: Record<string, string> = { pending: "待审核", approved: "已批准", changes_requested: "已退回修改" };
const SCHEME: Record<string, string> = { outpatient: "门诊", inpatient: "住院", maternity: "生育" };

/** "insurance=resident region=520500 scheme=outpatient year=2025" as a reader would say it. */
function calculatorLabel(attrs: string): string {
  const a = Object.fromEntries(attrs.split(" ").map((kv) => kv.split("=") as [string, string]));
  return `${a.region ? regionLabel(a.region) : ""} ${a.year ?? ""} ${a.insurance === "resident" ? "居民" : a.insurance === "employee" ? "职工" : ""}${SCHEME[a.scheme ?? ""] ?? a.scheme ?? ""}计算器`.trim();
}

export default async function ReviewPage({ params }: Props) {
  const editor = await pageEditor("review.read");
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id < 1) notFound();
  const r = await reviewDetail(getDb(), id).catch((e) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  return (
    <>
      <h1>{r.article.title}</h1>
      <p className="meta">
        {r.author} 提交的第 {r.submitted.number} 版 · {STATUS[r.status] ?? r.status}
        {r.published ? `（现发布的是第 ${r.published.number} 版）` : "（这个问题还没有发布的解答）"}
      </p>
      <h2>改动</h2>
      <p className="diff" aria-label="文字改动：删去的用删除线，新增的加底色">
        {r.diff.text.map((p, i) =>
          p.kind === "added" ? <ins key={i}>{p.text}</ins> : p.kind === "removed" ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>,
        )}
      </p>
      <h3>法律依据</h3>
      {r.diff.citations.added.length + r.diff.citations.removed.length + r.diff.citations.changed.length === 0 ? (
        <p className="meta">没有改动。</p>
      ) : (
        <ul>
          {r.diff.citations.added.map((c) => (
            <li key={`a${c}`}>新增：{c}</li>
          ))}
          {r.diff.citations.removed.map((c) => (
            <li key={`r${c}`}>删去：{c}</li>
          ))}
          {r.diff.citations.changed.map((c) => (
            <li key={`c${c}`}>修改：{c}</li>
          ))}
        </ul>
      )}
      <h3>计算器</h3>
      {r.diff.calculators.added.length + r.diff.calculators.removed.length === 0 ? (
        <p className="meta">没有改动。</p>
      ) : (
        <ul>
          {r.diff.calculators.added.map((c) => (
            <li key={`a${c}`}>新增：{calculatorLabel(c)}</li>
          ))}
          {r.diff.calculators.removed.map((c) => (
            <li key={`r${c}`}>删去：{calculatorLabel(c)}</li>
          ))}
        </ul>
      )}
      <h2>提交的解答（按公开页面的样子显示）</h2>
      <article className="answer">
        <AnswerBody markdown={r.submitted.body} />
      </article>
      {r.status === "pending" ? (
        <ReviewActions id={r.id} slug={r.article.slug} own={r.authorId === editor.id} />
      ) : (
        // The outcome stays on the page: after a decision the page is refreshed without the actions, and
        // a reviewer opening a decided review later sees what was decided.
        <p className={r.status === "approved" ? "saved" : "notice"} role="status">
          {r.status === "approved" ? (
            <>
              已批准并发布。 <a href={questionPath(r.article.slug)}>查看公开页面</a>
            </>
          ) : (
            "已退回修改，作者会看到审核意见。"
          )}
          {r.comment ? ` 审核意见：${r.comment}` : null}
        </p>
      )}
    </>
  );
}
