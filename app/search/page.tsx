import type { Metadata } from "next";
import Link from "@/components/SiteLink";
import { z } from "zod";
import { ArticleMeta } from "@/components/ArticleMeta";
import { AskSection } from "@/components/AskSection";
import { isWeak } from "@/lib/analytics/cause";
import { Facets } from "@/components/Facets";
import { FilterPanel } from "@/components/FilterPanel";
import { SearchHitDetails } from "@/components/SearchHitDetails";
import { recentArticles, topicCounts } from "@/lib/articles/read";
import { INSURANCE_LABELS, type Insurance } from "@/lib/domain/schema";
import { getPublicDb } from "@/lib/db/client";
import { regionLabel } from "@/lib/regions";
import { parseSearchParams, type SearchParams } from "@/lib/search/params";
import { clientOf } from "@/lib/http/client";
import { runSearch, type SiteSearchResult } from "@/lib/site/search";
import { ResultClicks } from "@/components/ResultClicks";
import { SearchGapNotice } from "@/components/SearchGapNotice";
import { DrugCards } from "@/components/drugs/DrugCard";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { questionPath, type SearchLink, searchPath, topicPath } from "@/lib/urls";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const parsed = parseSearchParams(await searchParams);
  const q = parsed.success ? parsed.data.q : "";
  return { title: q ? `“${q}”的搜索结果` : "搜索", robots: { index: false, follow: true } };
}

function hrefWith(p: SearchParams, change: Partial<Record<keyof SearchParams, string | number | undefined>>) {
  const { facets: _facets, ...state } = p;
  return searchPath({ ...state, ...change } as SearchLink);
}

function describeFilters(p: SearchParams): string[] {
  const out: string[] = [];
  if (p.region) out.push(regionLabel(p.region));
  if (p.insurance) out.push(INSURANCE_LABELS[p.insurance as Insurance]);
  if (p.topic) out.push(p.topic);
  if (p.year) out.push(`${p.year}年`);
  return out;
}

/** Pages a search offers at most (deeper results are for a narrower query). */
const MAX_PAGES = 50;

export default async function SearchPage({ searchParams }: Props) {
  const parsed = parseSearchParams(await searchParams);
  if (!parsed.success) {
    return (
      <>
        <h1>搜索条件有误</h1>
        <div className="notice" role="alert">
          <p>{Object.values(z.flattenError(parsed.error).fieldErrors).flat().join("；")}</p>
          <p>
            <Link href={searchPath()}>清除条件重新搜索</Link>
          </p>
        </div>
      </>
    );
  }
  const p = parsed.data;
  let result: SiteSearchResult | null = null;
  try {
    result = await runSearch({ ...p, facets: true }, { client: clientOf(await headers()) });
  } catch (e) {
    console.error("search failed:", (e as Error).message);
  }
  // A page past the last (an old link, a hand-edited address) goes to the last page that has results.
  const lastPage = result ? Math.min(Math.ceil(result.total / result.pageSize), MAX_PAGES) : 0;
  if (result && lastPage >= 1 && p.page > lastPage) redirect(hrefWith(p, { page: lastPage }));
  const filters = describeFilters(p);
  const shown = result?.query.display || p.q;
  const heading = shown ? `“${shown}”的搜索结果` : filters.length ? `${filters.join(" · ")}的问题` : "全部问题";
  const href = (change: Partial<Record<keyof SearchParams, string | number | undefined>>) => hrefWith(p, change);

  return (
    <>
      <h1>{heading}</h1>
      {filters.length > 0 && (
        <p className="meta">
          筛选：{filters.join(" · ")} <Link href={href({ region: undefined, insurance: undefined, topic: undefined, year: undefined, page: 1 })}>清除筛选</Link>
        </p>
      )}
      {result?.query.converted ? <p className="meta">已按简体字“{result.query.display}”搜索。</p> : null}
      {result?.shownFor ? (
        <p className="notice" role="status">
          没有找到“{result.query.display}”，已显示“{result.shownFor}”的结果。
        </p>
      ) : null}
      {result?.yearShown ? (
        <p className="meta" role="status">
          显示{result.yearShown}年的解答。<Link href={href({ year: undefined, page: 1 })}>不限年份</Link>
        </p>
      ) : null}
      {result?.yearMissing ? (
        <p className="meta" role="status">
          还没有{result.yearMissing}年的解答，以下先显示{result.hits[0]?.year ? `最近年份（${result.hits[0].year}年）` : "其他年份"}的解答。
        </p>
      ) : null}
      {result?.mode === "fallback" ? (
        <p className="notice" role="status">
          搜索服务暂时降级：以下结果来自备用检索，可能不够完整（不支持同义词和拼音）。
        </p>
      ) : null}
      {result?.cards.length ? <DrugCards cards={result.cards} /> : null}
      {result?.queryId ? <ResultClicks queryId={result.queryId} slugs={[...result.hits, ...result.more].map((h) => h.slug)} /> : null}
      {result?.explanation ? <SearchGapNotice explanation={result.explanation} clearFilters={href({ region: undefined, insurance: undefined, topic: undefined, year: undefined, page: 1 })} /> : null}
      {!result ? (
        <div className="notice" role="alert">
          搜索服务暂时不可用，请稍后再试。
        </div>
      ) : result.total === 0 ? (
        <NoResults q={shown} region={p.region} />
      ) : (
        <div className="search-layout">
          {result.facets ? (
            <FilterPanel active={filters.length}>
              <Facets p={p} facets={result.facets} href={href} />
            </FilterPanel>
          ) : (
            <div />
          )}
          <div>
            <p className="meta" aria-live="polite">
              共 {result.total} 条结果{result.total > result.pageSize ? `，第 ${result.page} 页` : ""}
              {" · "}
              {p.sort === "newest" ? <Link href={href({ sort: "relevance", page: 1 })}>按相关度排序</Link> : <Link href={href({ sort: "newest", page: 1 })}>按最新排序</Link>}
            </p>
            <ul className="plain results">
              {result.hits.map((h) => (
                <li key={h.slug}>
                  <Link className="title" href={h.url} dangerouslySetInnerHTML={{ __html: h.title }} />
                  <SearchHitDetails h={h} />
                </li>
              ))}
            </ul>
            <Pager p={p} total={result.total} pageSize={result.pageSize} href={href} />
            {isWeak(result) || result.explanation ? <AskSection defaultTitle={shown} defaultRegion={p.region ?? result.explanation?.region} heading="结果不太对？向顾问提问" /> : null}
            {result.more.length > 0 && (
              <section aria-labelledby="more-results">
                <h2 id="more-results">其他可能相关的问题</h2>
                <ul className="plain results">
                  {result.more.map((h) => (
                    <li key={h.slug}>
                      <Link className="title" href={h.url} dangerouslySetInnerHTML={{ __html: h.title }} />
                      <ArticleMeta region={h.region} insurance={h.insurance} topics={h.topics} year={h.year} answered={h.answered} />
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </div>
        </div>
      )}
    </>
  );
}

async function NoResults({ q, region }: { q: string; region?: string }) {
  const db = getPublicDb();
  const [topics, popular] = await Promise.all([topicCounts(db, 10), recentArticles(db, 6)]);
  return (
    <div className="empty">
      <p>没有找到相关问题。可以换个说法（比如“报销”代替“报账”），少用几个筛选条件，或者看看下面的主题和常见问题。</p>
      <AskSection defaultTitle={q} defaultRegion={region} />
      <h2>按主题找</h2>
      <ul className="plain meta">
        {topics.map((t) => (
          <li key={t.topic}>
            <Link className="chip" href={topicPath(t.topic)}>
              {t.topic}
            </Link>
          </li>
        ))}
      </ul>
      <h2>常见问题</h2>
      <ul>
        {popular.map((a) => (
          <li key={a.slug}>
            <Link href={questionPath(a.slug)}>{a.title}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Pager({ p, total, pageSize, href }: { p: SearchParams; total: number; pageSize: number; href: (c: Partial<Record<keyof SearchParams, number>>) => string }) {
  const pages = Math.min(Math.ceil(total / pageSize), MAX_PAGES);
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label="分页">
      {p.page > 1 && (
        <Link className="button secondary" rel="prev" href={href({ page: p.page - 1 })}>
          上一页
        </Link>
      )}
      <span>
        第 {p.page} / {pages} 页
      </span>
      {p.page < pages && (
        <Link className="button secondary" rel="next" href={href({ page: p.page + 1 })}>
          下一页
        </Link>
      )}
    </nav>
  );
}
