import Link from "next/link";
import { SearchForm } from "@/components/SearchForm";
import { recentArticles, topicCounts } from "@/lib/articles/read";
import { getDb } from "@/lib/db/client";
import { regionLabel } from "@/lib/regions";
import { questionPath, topicPath } from "@/lib/urls";

export const dynamic = "force-dynamic";

export default async function Home() {
  const db = getDb();
  const [recent, topics] = await Promise.all([recentArticles(db, 12), topicCounts(db, 24)]);
  return (
    <>
      <section className="hero">
        <h1>医保问题，查得到、有依据</h1>
        <p>居民医保、职工医保的报销、异地就医备案、门诊统筹、生育待遇……用你平时说话的方式搜索。</p>
        <SearchForm id="home-search" label="搜索医保问题" />
      </section>
      <div className="grid2">
        <section aria-labelledby="recent">
          <h2 id="recent">最近更新的问题</h2>
          {recent.length === 0 ? (
            <p className="empty">还没有内容。把问答文章放进 content/questions/ 后运行 npm run ingest。</p>
          ) : (
            <ul className="plain results">
              {recent.map((a) => (
                <li key={a.slug}>
                  <Link className="title" href={questionPath(a.slug)}>
                    {a.title}
                  </Link>
                  <div className="meta">
                    {regionLabel(a.region)}
                    {a.year ? ` · ${a.year}年` : ""}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="topics">
          <h2 id="topics">按主题浏览</h2>
          <ul className="plain meta">
            {topics.map((t) => (
              <li key={t.topic}>
                <Link className="chip" href={topicPath(t.topic)}>
                  {t.topic} <span aria-label={`${t.count} 篇`}>({t.count})</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
