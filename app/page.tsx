import Link from "@/components/SiteLink";
import { JsonLd } from "@/components/JsonLd";
import { SearchForm } from "@/components/SearchForm";
import { recentArticles, topicCounts } from "@/lib/articles/read";
import { getPublicDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { regionLabel } from "@/lib/regions";
import { organization, webSite } from "@/lib/seo/structured-data";
import { landingPlan } from "@/lib/site/landing";
import { landingCached } from "@/lib/site/page-cache";
import { questionPath, topicPath } from "@/lib/urls";

// Rendered per request (the search box's scripts carry the request's nonce); its lists are cached with
// the landing pages and refreshed when an article changes.
export const dynamic = "force-dynamic";

const homeLists = landingCached("home", async () => {
  const db = getPublicDb();
  const [recent, topics] = await Promise.all([recentArticles(db, 12), topicCounts(db, 24)]);
  return { recent, topics };
});

export default async function Home() {
  const [{ recent, topics }, plan] = await Promise.all([homeLists(), landingPlan()]);
  const regions = plan.filter((p) => p.kind === "region" && p.indexable).sort((a, b) => b.answered - a.answered).slice(0, 16);
  const site = env().siteUrl;
  return (
    <>
      <JsonLd data={webSite(site)} />
      <JsonLd data={organization(site)} />
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
      {regions.length > 0 && (
        <section aria-labelledby="regions">
          <h2 id="regions">按地区浏览</h2>
          <ul className="plain meta chips">
            {regions.map((r) => (
              <li key={r.path}>
                <Link className="chip" href={r.path}>
                  {regionLabel(r.region)} <span aria-label={`${r.total} 个问题`}>({r.total})</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
