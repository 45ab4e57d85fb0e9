import { ArticleMeta } from "@/components/ArticleMeta";
import type { SearchHit } from "@/lib/search/query";

/** Under a result's title: the answer passage that matches, who answered and when, then the chips. */
export function SearchHitDetails({ h }: { h: SearchHit }) {
  const by = h.advisor?.name ? `${h.advisor.name}${h.advisor.title ? `（${h.advisor.title}）` : ""}` : null;
  return (
    <>
      {h.snippet && <p className="snippet" dangerouslySetInnerHTML={{ __html: h.snippet }} />}
      {h.answered && h.answerCount ? (
        <p className="answered-by">
          {h.answerCount} 条解答
          {by ? ` · ${by}` : ""}
          {h.answerDate ? (
            <>
              {" · "}
              <time dateTime={h.answerDate}>{h.answerDate}</time> 解答
            </>
          ) : null}
        </p>
      ) : null}
      <ArticleMeta region={h.region} insurance={h.insurance} topics={h.topics} year={h.year} answered={h.answered} />
    </>
  );
}
