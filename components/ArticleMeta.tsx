import Link from "next/link";
import { INSURANCE_LABELS, type Insurance } from "@/lib/content/schema";
import { regionLabel } from "@/lib/regions";

/** Region / insurance / topic / year chips, each linking to the filtered search. */
export function ArticleMeta({ region, insurance, topics, year, status }: { region: string; insurance: string[]; topics: string[]; year?: number | null; status?: string }) {
  return (
    <div className="meta">
      <Link className="chip" href={`/search?region=${region}`}>
        {regionLabel(region)}
      </Link>
      {insurance.map((i) => (
        <Link key={i} className="chip" href={`/search?insurance=${i}`}>
          {INSURANCE_LABELS[i as Insurance] ?? i}
        </Link>
      ))}
      {topics.map((t) => (
        <Link key={t} className="chip" href={`/search?topic=${encodeURIComponent(t)}`}>
          {t}
        </Link>
      ))}
      {year ? (
        <Link className="chip" href={`/search?year=${year}`}>
          {year}年
        </Link>
      ) : null}
      {status === "unanswered" ? <span className="chip status">待解答</span> : null}
    </div>
  );
}
