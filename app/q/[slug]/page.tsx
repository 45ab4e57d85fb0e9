import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { AnswerBody } from "@/components/AnswerBody";
import { ArticleMeta } from "@/components/ArticleMeta";
import { UnansweredActions } from "@/components/UnansweredActions";
import { currentSlug, getPublicArticle, type PublicArticle } from "@/lib/articles/read";
import { relationsOf } from "@/lib/articles/relations";
import { slugSchema, type Citation } from "@/lib/domain/schema";
import { getDb } from "@/lib/db/client";
import { markdownToPlain } from "@/lib/markdown/plain";
import { getRegion } from "@/lib/regions";
import { isAnswered } from "@/lib/domain/visibility";
import { NATIONWIDE } from "@/lib/regions";
import { jsonLdScript } from "@/lib/seo/json-ld";
import { advisorPath, questionPath, regionPath, topicPath } from "@/lib/urls";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

/** The public article behind a slug; an old slug redirects (308) to the current one. */
const load = cache(async (raw: string): Promise<PublicArticle | null> => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null; // "%" alone and other broken escapes: no such page
  }
  const slug = slugSchema.safeParse(decoded);
  if (!slug.success) return null;
  const found = await getPublicArticle(getDb(), slug.data);
  if (found) return found;
  const moved = await currentSlug(getDb(), slug.data);
  if (moved) permanentRedirect(questionPath(moved));
  return null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const a = await load((await params).slug);
  if (!a) return { title: "找不到这个问题" };
  return {
    title: a.title,
    description: (a.question ?? a.answers[0]?.body ?? a.title).replace(/\s+/g, " ").slice(0, 120),
    alternates: { canonical: questionPath(a.slug) },
    // An unanswered page has nothing to rank for yet: kept out of search engines until it is answered.
    ...(isAnswered(a.state) ? {} : { robots: { index: false, follow: true } }),
  };
}

function citationText(c: Citation) {
  return `《${c.title}》${c.article ?? ""}${c.number ? `（${c.number}）` : ""}`;
}

function Citations({ items }: { items: Citation[] }) {
  if (!items.length) return null;
  return (
    <section className="citations" aria-label="法律依据">
      <h3>法律依据</h3>
      <ul>
        {items.map((c, i) => (
          <li key={i}>
            <cite>{c.url ? <a href={c.url} rel="noopener nofollow" target="_blank">{citationText(c)}</a> : citationText(c)}</cite>
            {c.quote ? <blockquote>{c.quote}</blockquote> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function QuestionList({ items }: { items: { slug: string; title: string; state: string }[] }) {
  return (
    <ul>
      {items.map((r) => (
        <li key={r.slug}>
          <Link href={questionPath(r.slug)}>{r.title}</Link>
          {!isAnswered(r.state) ? <span className="chip status">待解答</span> : null}
        </li>
      ))}
    </ul>
  );
}

export default async function QuestionPage({ params }: Props) {
  const a = await load((await params).slug);
  if (!a) notFound();
  const region = getRegion(a.region);
  const { related, duplicates } = await relationsOf(getDb(), a.id);
  const general = a.citations;
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "QAPage",
    mainEntity: {
      "@type": "Question",
      name: a.title,
      text: a.question ?? a.title,
      answerCount: a.answers.length,
      datePublished: a.published,
      ...(a.answers[0]
        ? { acceptedAnswer: { "@type": "Answer", text: markdownToPlain(a.answers[0].body), dateCreated: a.answers[0].date, author: { "@type": "Person", name: a.answerMeta[0]?.advisor.name } } }
        : {}),
    },
  };

  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(jsonLd) }} />
      <nav className="crumbs" aria-label="位置">
        <ol>
          <li>
            <Link href={regionPath(NATIONWIDE)}>全国</Link>
          </li>
          {region?.path.map((p, i, all) => (i > 0 && p.name === all[i - 1]!.name ? null : (
            <li key={p.code}>
              <Link href={regionPath(p.code)}>{p.name}</Link>
            </li>
          )))}
          {a.topics[0] ? (
            <li>
              <Link href={topicPath(a.topics[0])}>{a.topics[0]}</Link>
            </li>
          ) : null}
        </ol>
      </nav>
      <h1>{a.title}</h1>
      <ArticleMeta region={a.region} insurance={a.insurance} topics={a.topics} year={a.year} answered={isAnswered(a.state)} />
      <p className="meta">
        发布于 <time dateTime={a.published}>{a.published}</time>
        {a.updated ? (
          <>
            {" · "}更新于 <time dateTime={a.updated}>{a.updated}</time>
          </>
        ) : null}
      </p>
      {a.question ? (
        <section aria-label="问题描述">
          <h2 className="visually-hidden">问题描述</h2>
          <p className="asker">{a.question}</p>
        </section>
      ) : null}

      <h2>{a.answers.length ? `${a.answers.length} 位顾问的解答` : "待解答"}</h2>
      {a.answers.length === 0 ? (
        <>
          <p className="notice">这个问题还没有顾问解答。可以先看看下面的相关问题。</p>
          <UnansweredActions slug={a.slug} region={a.region} />
        </>
      ) : (
        a.answers.map((ans, i) => {
          const adv = a.answerMeta[i]?.advisor;
          return (
            <article className="answer" key={i} aria-label={`${adv?.name ?? ans.advisor}的解答`}>
              <div className="advisor">
                <Link className="name" href={advisorPath(ans.advisor)}>
                  {adv?.name ?? ans.advisor}
                </Link>
                <span>{adv?.title}</span>
                {adv?.organisation ? <span className="meta">{adv.organisation}</span> : null}
                {adv?.license ? <span className="meta">执业证号 {adv.license}</span> : null}
                {adv?.sample ? <span className="sample" title="这是演示用的虚构顾问">示例顾问</span> : null}
                <time className="meta" dateTime={ans.date}>
                  {ans.date}
                </time>
              </div>
              <AnswerBody markdown={ans.body} />
              <Citations items={ans.citations} />
            </article>
          );
        })
      )}
      <Citations items={general} />

      {duplicates.length > 0 && (
        <section aria-labelledby="duplicates">
          <h2 id="duplicates">相似问法</h2>
          <QuestionList items={duplicates} />
        </section>
      )}
      <section aria-labelledby="related">
        <h2 id="related">相关问题</h2>
        {related.length === 0 ? <p className="meta">暂时没有相关问题。</p> : <QuestionList items={related} />}
      </section>
      <p className="disclaimer">
        以上解答依据发布时的政策整理，仅供参考，不构成法律意见。医保待遇因参保地和年度而异，办理前请以当地医疗保障部门的最新文件和窗口答复为准。
      </p>
    </>
  );
}
