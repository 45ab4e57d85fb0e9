import { ModerationActions } from "@/components/admin/ModerationActions";
import { pendingQuestions } from "@/lib/authoring/moderation";
import { getDb } from "@/lib/db/client";
import { INSURANCE_LABELS, type Insurance } from "@/lib/domain/schema";
import { PII_LABELS, type PiiKind } from "@/lib/asks/mask";
import { regionLabel } from "@/lib/regions";
import { pageEditor } from "@/lib/site/admin-page";
import { suggest } from "@/lib/site/search";
import { CHINA_TIME_LABEL, chinaDateTime } from "@/lib/domain/dates";

export const metadata = { title: "提问审核" };

export default async function ModerationPage() {
  await pageEditor("question.moderate");
  const items = await pendingQuestions(getDb());
  // Existing questions that may be the same, as merge targets.
  const similar = await Promise.all(items.map((q) => suggest(q.title).catch(() => [])));
  return (
    <>
      <h1>读者提问审核</h1>
      <p className="meta">接受后问题进入待解答队列（公开为“待解答”）；与已有问题相同时合并，提问人的链接随之显示那个问题；不合适的问题拒绝。</p>
      {items.length === 0 ? (
        <p className="notice">现在没有等待审核的提问。</p>
      ) : (
        <ul className="plain results">
          {items.map((q, i) => (
            <li key={q.slug} aria-label={q.title}>
              <p className="title">{q.title}</p>
              {q.question ? <p className="asker">{q.question}</p> : null}
              <div className="meta">
                {regionLabel(q.region)} · {q.insurance.map((x) => INSURANCE_LABELS[x as Insurance] ?? x).join("、")} · {q.topics.join("、")} · 提交于 <time dateTime={q.createdAt}>{CHINA_TIME_LABEL} {chinaDateTime(q.createdAt)}</time>
                {q.masked.length ? ` · 已隐去${q.masked.map((k) => PII_LABELS[k as PiiKind] ?? k).join("、")}` : ""}
              </div>
              <ModerationActions slug={q.slug} similar={similar[i]!.filter((s) => s.slug !== q.slug)} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
