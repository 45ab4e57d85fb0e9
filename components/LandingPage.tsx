// A landing page (region, topic, region × topic, region × year): what the data says, the policy figures
// and their calculators, the questions grouped by topic, and the way to neighbouring pages.
import Link from "@/components/SiteLink";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { JsonLd } from "@/components/JsonLd";
import { PolicyTable } from "@/components/PolicyTable";
import { CalculatorWidget } from "@/components/calculator/CalculatorWidget";
import { env } from "@/lib/env";
import { todayInChina } from "@/lib/domain/dates";
import { freshness, freshnessMark } from "@/lib/domain/freshness";
import type { LandingView } from "@/lib/site/landing";
import { breadcrumbList, collectionPage } from "@/lib/seo/structured-data";
import { regionLabel } from "@/lib/regions";
import { questionPath, searchPath } from "@/lib/urls";

function PageLinks({ label, pages, name }: { label: string; pages: { path: string; title: string; answered: number; total: number }[]; name?: (p: { path: string; title: string }) => string }) {
  if (!pages.length) return null;
  return (
    <section aria-label={label}>
      <h2>{label}</h2>
      <ul className="plain meta chips">
        {pages.map((p) => (
          <li key={p.path}>
            <Link className="chip" href={p.path}>
              {name ? name(p) : p.title} <span aria-label={`${p.total} 个问题`}>({p.total})</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function StaleMark({ year, region, today }: { year: number | null; region: string; today: string }) {
  const mark = freshnessMark(freshness({ year, region, figures: false }, today));
  return mark ? <span className="chip stale">{mark}</span> : null;
}

export function LandingPageView({ view }: { view: LandingView }) {
  const { page } = view;
  const today = todayInChina();
  const site = env().siteUrl;
  const place = regionLabel(page.region);
  return (
    <>
      <JsonLd data={breadcrumbList(site, view.crumbs)} />
      <JsonLd data={collectionPage(site, { path: page.path, title: page.title, description: view.summary, items: view.listed.map((a) => ({ path: questionPath(a.slug), name: a.title })) })} />
      <Breadcrumbs crumbs={view.crumbs} />
      <h1>{page.title}</h1>
      <p className="lede">{view.summary}</p>

      {view.calculators.length > 0 && (
        <section aria-labelledby="policies">
          <h2 id="policies">政策标准</h2>
          {view.calculators.map((c) => (
            <PolicyTable key={c.facts.id} facts={c.facts} expired={c.expired} />
          ))}
        </section>
      )}

      {view.groups.length === 0 ? (
        <section className="empty">
          <p>
            还没有{page.kind === "topic" ? `关于${page.topic}的` : `${place}的`}问题。可以先看
            <Link href={searchPath({ q: page.topic ?? "" })}>全国通用的规定</Link>，或者用上方的搜索框换个说法查找。
          </p>
        </section>
      ) : (
        view.groups.map((g) => (
          <section key={g.topic} aria-labelledby={`topic-${g.topic}`}>
            <h2 id={`topic-${g.topic}`}>{g.topic}</h2>
            <ul className="plain results">
              {g.articles.map((a) => (
                <li key={a.slug}>
                  <Link className="title" href={questionPath(a.slug)}>
                    {a.title}
                  </Link>
                  <div className="meta">
                    {a.answered ? `${a.answers} 位顾问解答` : <span className="chip status">待解答</span>}
                    {page.kind === "topic" || a.region !== page.region ? ` · ${regionLabel(a.region)}` : ""}
                    {a.year ? ` · ${a.year}年` : ""} · <time dateTime={a.date}>{a.date}</time>
                    <StaleMark year={a.year} region={a.region} today={today} />
                  </div>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
      {page.total > view.listed.length ? (
        <p>
          <Link className="button secondary" href={searchPath({ region: page.kind === "topic" ? undefined : page.region, topic: page.topic, year: page.year })}>
            查看全部 {page.total} 个问题
          </Link>
        </p>
      ) : null}

      {view.calculators.length > 0 && (
        <section aria-labelledby="calculators">
          <h2 id="calculators">报销计算器</h2>
          {view.calculators.map((c) => (
            <CalculatorWidget key={c.facts.id} config={c.config} initialState={c.state} initialOutcome={c.outcome} />
          ))}
        </section>
      )}

      <PageLinks label="按年度" pages={view.facets.years} name={(p) => p.title.replace(place, "")} />
      <PageLinks label="按主题" pages={view.facets.topics} name={(p) => p.title.replace(place, "").replace(/常见问题$/, "")} />
      <PageLinks label={page.kind === "nation" ? "按地区" : "下辖地区"} pages={view.children} name={(p) => p.title.replace(/医保问答$/, "")} />
      <PageLinks label="周边地区" pages={view.neighbours} name={(p) => p.title.replace(/医保问答$/, "")} />
      <p className="disclaimer">
        以上内容按收录时的政策整理，仅供参考；办理前请以参保地医疗保障部门的最新文件为准，也可拨打医保服务热线 12393 咨询。
      </p>
    </>
  );
}
