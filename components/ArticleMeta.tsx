import Link from "@/components/SiteLink";
import { todayInChina } from "@/lib/domain/dates";
import { freshness, freshnessMark } from "@/lib/domain/freshness";
import { INSURANCE_LABELS, type Insurance } from "@/lib/domain/schema";
import { regionLabel } from "@/lib/regions";
import { regionPath, searchPath, topicPath } from "@/lib/urls";

/** Region / insurance / topic / year chips, each linking to the filtered search. */
export function ArticleMeta({ region, insurance, topics, year, answered = true }: { region: string; insurance: string[]; topics: string[]; year?: number | null; answered?: boolean }) {
  const mark = freshnessMark(freshness({ year, region, figures: false }, todayInChina()));
  return (
    <div className="meta">
      <Link className="chip" href={regionPath(region)}>
        {regionLabel(region)}
      </Link>
      {insurance.map((i) => (
        <Link key={i} className="chip" href={searchPath({ insurance: i })}>
          {INSURANCE_LABELS[i as Insurance] ?? i}
        </Link>
      ))}
      {topics.map((t) => (
        <Link key={t} className="chip" href={topicPath(t)}>
          {t}
        </Link>
      ))}
      {year ? (
        <Link className="chip" href={searchPath({ year })}>
          {year}年
        </Link>
      ) : null}
      {mark ? <span className="chip stale" title="这一年度已经过去，数字可能已有变化">{mark}</span> : null}
      {!answered ? <span className="chip status">待解答</span> : null}
    </div>
  );
}
