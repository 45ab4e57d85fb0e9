import Link from "next/link";
import { ClaimButton } from "@/components/admin/ClaimButton";
import { listQueue } from "@/lib/authoring/queue";
import { getDb } from "@/lib/db/client";
import { INSURANCE_LABELS, type Insurance } from "@/lib/domain/schema";
import { regionLabel } from "@/lib/regions";
import { adminQuestionPath } from "@/lib/urls";

export const metadata = { title: "待解答队列" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function QueuePage({ searchParams }: Props) {
  const sp = await searchParams;
  const one = (k: string) => (typeof sp[k] === "string" && sp[k] ? String(sp[k]).slice(0, 40) : undefined);
  const filters = { region: one("region"), topic: one("topic"), insurance: one("insurance") };
  const items = await listQueue(getDb(), filters);
  return (
    <>
      <h1>待解答队列</h1>
      <form className="admin-filters" method="get" aria-label="筛选">
        <label>
          地区代码 <input name="region" defaultValue={filters.region} placeholder="如 520500" inputMode="numeric" />
        </label>
        <label>
          话题 <input name="topic" defaultValue={filters.topic} placeholder="如 异地就医" />
        </label>
        <label>
          险种
          <select name="insurance" defaultValue={filters.insurance ?? ""}>
            <option value="">全部</option>
            <option value="resident">城乡居民医保</option>
            <option value="employee">职工医保</option>
          </select>
        </label>
        <button type="submit">筛选</button>
      </form>
      {items.length === 0 ? (
        <p className="notice">没有符合条件的待解答问题。</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">问题</th>
              <th scope="col">地区</th>
              <th scope="col">险种</th>
              <th scope="col" title="近 180 天内与此问题相近的搜索次数">搜索需求</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {items.map((q) => (
              <tr key={q.slug}>
                <td>
                  <Link href={adminQuestionPath(q.slug)}>{q.title}</Link>
                  <div className="meta">{q.topics.join("、")}</div>
                </td>
                <td>{regionLabel(q.region)}</td>
                <td>{q.insurance.map((i) => INSURANCE_LABELS[i as Insurance] ?? i).join("、")}</td>
                <td>
                  {q.demand}
                  {q.fromGap ? <div className="meta">来自内容缺口</div> : null}
                </td>
                <td>{q.inReview ? <span className="chip">已提交，待审核</span> : q.claimedBy ? <span className="chip">{q.claimedBy.by} 正在解答</span> : <ClaimButton slug={q.slug} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
