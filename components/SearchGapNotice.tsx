// What the search page says when a search found nothing or little, and why (lib/analytics/cause.ts):
// the region is not covered (with the nationwide answers), the filters are too narrow (remove them), or
// there is no answer yet (ask).
import Link from "@/components/SiteLink";
import type { Explanation } from "@/lib/site/search";
import { ArticleMeta } from "./ArticleMeta";

export function SearchGapNotice({ explanation, clearFilters }: { explanation: Explanation; clearFilters: string }) {
  if (explanation.cause === "region") {
    return (
      <section className="notice gap-notice" role="status" aria-labelledby="gap-region">
        <h2 id="gap-region">还没有{explanation.regionName}的解答{explanation.nationwide.length ? "，以下是全国通用的规定" : ""}</h2>
        {explanation.nationwide.length ? (
          <ul className="plain results">
            {explanation.nationwide.map((h) => (
              <li key={h.slug}>
                <Link className="title" href={h.url} dangerouslySetInnerHTML={{ __html: h.title }} />
                <ArticleMeta region={h.region} insurance={h.insurance} topics={h.topics} year={h.year} answered={h.answered} />
              </li>
            ))}
          </ul>
        ) : null}
        <p className="meta">各地的起付线、报销比例不同，以当地医保局的规定为准。可以在下方向顾问提问，我们会补上{explanation.regionName}的解答。</p>
      </section>
    );
  }
  if (explanation.cause === "filters") {
    return (
      <p className="notice gap-notice" role="status">
        加上这些筛选条件后结果很少，去掉筛选能找到更多解答：<Link href={clearFilters}>清除筛选</Link>
      </p>
    );
  }
  return (
    <p className="notice gap-notice" role="status">
      还没有这个问题的解答。可以换个说法再搜，或者在下方向顾问提问。
    </p>
  );
}
