import type { Metadata } from "next";
import Link from "@/components/SiteLink";
import { notFound } from "next/navigation";
import { AnswerBody } from "@/components/AnswerBody";
import { readFollow } from "@/lib/asks/follow";
import { getDb } from "@/lib/db/client";
import { PII_LABELS, type PiiKind } from "@/lib/asks/mask";
import { questionPath } from "@/lib/urls";

export const dynamic = "force-dynamic";
// A private page: never indexed, and its address (the token) never sent on as a Referer.
export const metadata: Metadata = { title: "我的提问", robots: { index: false, follow: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

export default async function FollowPage({ params }: Props) {
  const view = await readFollow(getDb(), (await params).token);
  if (!view) notFound();
  if (view.stage === "gone") {
    return (
      <>
        <h1>我的提问</h1>
        <p className="notice">这个问题已不再公开。</p>
      </>
    );
  }
  if (view.stage === "pending") {
    return (
      <>
        <h1>{view.title}</h1>
        <p className="chip status">等待审核</p>
        {view.question ? <p className="asker">{view.question}</p> : null}
        <p className="notice" role="status">
          你的问题已收到，正在等待审核。审核通过后会交给顾问解答，解答发布后会显示在这个页面上。请收藏这个链接。
        </p>
        {view.masked.length ? <p className="meta">为保护隐私，问题中的{view.masked.map((k) => PII_LABELS[k as PiiKind] ?? k).join("、")}已在保存前隐去。</p> : null}
      </>
    );
  }
  if (view.stage === "rejected") {
    return (
      <>
        <h1>{view.title}</h1>
        <p className="notice" role="status">
          这个问题没有通过审核，不会公开{view.reason ? `：${view.reason}` : "。"}可以换个说法重新提问，或先搜索已有的解答。
        </p>
      </>
    );
  }
  const a = view.article;
  return (
    <>
      <h1>{a.title}</h1>
      {view.merged ? <p className="meta">你的问题与这个已有问题相同，已合并到这里。</p> : null}
      {view.stage === "open" ? (
        <p className="notice" role="status">
          <span className="chip status">待解答</span> 问题已通过审核，正在等待顾问解答。解答发布后会显示在这里。
        </p>
      ) : (
        <>
          <p className="notice" role="status">
            顾问已经解答了这个问题。
          </p>
          {a.answers.map((ans, i) => (
            <article className="answer" key={i} aria-label={`${a.answerMeta[i]?.advisor.name ?? ans.advisor}的解答`}>
              <div className="advisor">
                <span className="name">{a.answerMeta[i]?.advisor.name ?? ans.advisor}</span>
                <span>{a.answerMeta[i]?.advisor.title}</span>
                <time className="meta" dateTime={ans.date}>
                  {ans.date}
                </time>
              </div>
              <AnswerBody markdown={ans.body} />
            </article>
          ))}
        </>
      )}
      <p>
        <Link href={questionPath(a.slug)}>打开公开的问题页面</Link>
      </p>
    </>
  );
}
