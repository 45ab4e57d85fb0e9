import type { Metadata } from "next";
import Link from "@/components/SiteLink";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { AnswerBody } from "@/components/AnswerBody";
import { AnswerCheckLine } from "@/components/AnswerCheckLine";
import { ArticleMeta } from "@/components/ArticleMeta";
import { UnansweredActions } from "@/components/UnansweredActions";
import { currentSlug, getPublicArticle, type PublicArticle } from "@/lib/articles/read";
import { relationsOf } from "@/lib/articles/relations";
import { slugSchema, type Citation } from "@/lib/domain/schema";
import { getPublicDb } from "@/lib/db/client";
import { markdownToPlain } from "@/lib/markdown/plain";
import { getRegion } from "@/lib/regions";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { isAnswered } from "@/lib/domain/visibility";
import { freshness, freshnessNotice, statesFigures } from "@/lib/domain/freshness";
import { todayInChina } from "@/lib/domain/dates";
import { NATIONWIDE } from "@/lib/regions";
import { JsonLd } from "@/components/JsonLd";
import { env } from "@/lib/env";
import { describe, pageMetadata } from "@/lib/site/metadata";
import { articleTag, dependsOn, slugTag } from "@/lib/site/page-cache";
import { breadcrumbList, qaPage, type Crumb } from "@/lib/seo/structured-data";
import { advisorPath, questionPath, regionPath, topicPath } from "@/lib/urls";

// Rendered once and served from the page cache (lib/site/page-cache.ts); the outbox worker expires a
// question's page when it changes. 3600 = PAGE_TTL_SECONDS (Next needs a literal here).
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return []; // none at build time: each page is rendered on its first request
}

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
  // A 404 or a redirect cached here must go when an article takes this slug.
  await dependsOn([slugTag(slug.data)]);
  const found = await getPublicArticle(getPublicDb(), slug.data);
  if (found) return found;
  const moved = await currentSlug(getPublicDb(), slug.data);
  if (moved) permanentRedirect(questionPath(moved));
  return null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const a = await load((await params).slug);
  if (!a) return { title: "找不到这个问题" };
  // The answer, not the asker's text, is what a searcher wants to read in the result snippet.
  const answer = a.answers[0] ? markdownToPlain(a.answers[0].body) : null;
  return pageMetadata({
    title: a.title,
    description: answer ?? `${a.title}：这个问题还在等待顾问解答。${a.question ?? ""}`,
    path: questionPath(a.slug),
    // A question without an answer has nothing to rank for yet.
    noindex: !isAnswered(a.state),
    type: "article",
    published: a.published,
    modified: a.updated ?? a.published,
  });
}

/** 全国 › 省 › 市 › 主题 › this question. */
function crumbsOf(a: PublicArticle): Crumb[] {
  const region = getRegion(a.region);
  const places = (region?.path ?? []).filter((p, i, all) => i === 0 || p.name !== all[i - 1]!.name);
  return [
    { name: "全国", path: regionPath(NATIONWIDE) },
    ...places.map((p) => ({ name: p.name, path: regionPath(p.code) })),
    ...(a.topics[0] ? [{ name: a.topics[0], path: topicPath(a.topics[0]) }] : []),
    { name: a.title, path: questionPath(a.slug) },
  ];
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
  const { related, duplicates } = await relationsOf(getPublicDb(), a.id);
  // The page shows these articles' titles: it is stale when any of them changes.
  await dependsOn([a.id, ...related.map((r) => r.id), ...duplicates.map((d) => d.id)].map(articleTag));
  const general = a.citations;
  const site = env().siteUrl;
  // Cached pages are rendered at most PAGE_TTL_SECONDS before they are read: the notice turns on within
  // an hour of the new year.
  const today = todayInChina();
  const notice = freshnessNotice(freshness({ year: a.year, region: a.region, figures: a.answers.some((x) => statesFigures(x.body)) }, today));
  const crumbs = crumbsOf(a);
  const qa = qaPage(site, {
    path: questionPath(a.slug),
    title: a.title,
    text: a.question ?? a.title,
    published: a.published,
    answers: a.answers.map((ans, i) => ({
      text: describe(markdownToPlain(ans.body), 2000),
      date: ans.date,
      anchor: `answer-${i + 1}`,
      author: { name: a.answerMeta[i]?.advisor.name ?? ans.advisor, jobTitle: a.answerMeta[i]?.advisor.title ?? "", path: advisorPath(ans.advisor) },
    })),
  });

  return (
    <>
      {qa ? <JsonLd data={qa} /> : null}
      <JsonLd data={breadcrumbList(site, crumbs)} />
      <Breadcrumbs crumbs={crumbs} />
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
      {notice ? (
        <p className="notice stale" role="note">
          {notice}
        </p>
      ) : null}
      {a.answers.length === 0 ? (
        <>
          <p className="notice">这个问题还没有顾问解答。可以先看看下面的相关问题。</p>
          <UnansweredActions slug={a.slug} region={a.region} />
        </>
      ) : (
        a.answers.map((ans, i) => {
          const adv = a.answerMeta[i]?.advisor;
          return (
            <article className="answer" key={i} id={`answer-${i + 1}`} aria-label={`${adv?.name ?? ans.advisor}的解答`}>
              <div className="advisor">
                <Link className="name" href={advisorPath(ans.advisor)}>
                  {adv?.name ?? ans.advisor}
                </Link>
                <span>{adv?.title}</span>
                {adv?.organisation ? <span className="meta">{adv.organisation}</span> : null}
                {adv?.license ? <span className="meta">执业证号 {adv.license}</span> : null}
                {adv?.sample ? <span className="sample" title="这是演示用的虚构顾问">示例顾问</span> : null}
                {adv?.verified && !adv.sample ? <span className="verified" title="本站已核对这位顾问的身份和执业证">已认证</span> : null}
                <time className="meta" dateTime={ans.date}>
                  {ans.date}
                </time>
                {adv?.bio ? <p className="bio">{adv.bio}</p> : null}
              </div>
              <AnswerBody markdown={ans.body} />
              {a.answerMeta[i]?.check ? <AnswerCheckLine check={a.answerMeta[i]!.check!} today={today} /> : null}
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
