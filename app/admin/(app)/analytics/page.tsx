import Link from "next/link";
import { BarChart, LineChart } from "@/components/admin/Charts";
import { GapActions } from "@/components/admin/GapActions";
import { CAUSE_LABELS } from "@/lib/analytics/cause";
import { dashboard } from "@/lib/analytics/dashboard";
import { durationText } from "@/lib/analytics/gap-history";
import { gapFieldsSchema, listConvertedGaps, listGaps, withinRetention, type Gap } from "@/lib/analytics/gaps";
import { getDb } from "@/lib/db/client";
import { regionLabel } from "@/lib/regions";
import { pageEditor } from "@/lib/site/admin-page";
import { adminAnalyticsExportApiPath, adminGapPath, adminQuestionPath, searchPath } from "@/lib/urls";

export const metadata = { title: "搜索分析" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const pct = (v: number) => `${(v * 100).toFixed(v && v < 0.1 ? 1 : 0)}%`;
const rate = (v: number | null) => (v === null ? "—" : v.toFixed(2));
const rangeSchema = withinRetention(gapFieldsSchema.pick({ from: true, to: true, region: true }));

export default async function AnalyticsPage({ searchParams }: Props) {
  await pageEditor("analytics.read");
  const sp = await searchParams;
  const raw = Object.fromEntries(["from", "to", "region"].map((k) => [k, typeof sp[k] === "string" && sp[k] ? sp[k] : undefined]));
  const parsed = rangeSchema.safeParse(raw);
  const range = parsed.success ? parsed.data : {};
  const db = getDb();
  const [d, gaps, converted] = await Promise.all([dashboard(db, range), listGaps(db, { ...range, state: "open", limit: 200 }), listConvertedGaps(db, { limit: 20, region: range.region })]);
  const byRegion = new Map<string, Gap[]>();
  for (const g of gaps) byRegion.set(g.region, [...(byRegion.get(g.region) ?? []), g]);
  const regions = [...byRegion.entries()].sort((a, b) => b[1].reduce((s, g) => s + g.searches, 0) - a[1].reduce((s, g) => s + g.searches, 0)).slice(0, 12);
  const qs = new URLSearchParams(Object.entries(range).filter(([, v]) => v) as [string, string][]);
  const csv = (table: string) => adminAnalyticsExportApiPath(new URLSearchParams([...qs, ["table", table]]));
  const label = (day: string) => day.slice(5);

  return (
    <>
      <h1>搜索分析</h1>
      <form className="admin-filters" method="get" aria-label="日期范围">
        <label>
          从 <input type="date" name="from" defaultValue={d.from} />
        </label>
        <label>
          到 <input type="date" name="to" defaultValue={d.to} />
        </label>
        <label>
          地区代码 <input name="region" defaultValue={range.region} placeholder="如 440300" inputMode="numeric" />
        </label>
        <button type="submit">查看</button>
      </form>
      {!parsed.success ? (
        <p className="notice" role="alert">
          筛选条件有误（{parsed.error.issues.map((i) => i.message).join("；")}），已显示最近 30 天。
        </p>
      ) : null}
      <p className="meta">
        {d.from} 至 {d.to}
        {range.region ? ` · ${regionLabel(range.region)}` : ""} · 导出 CSV：<a href={csv("daily")}>每日数据</a> · <a href={csv("gaps")}>内容缺口</a> · <a href={csv("slowest")}>最慢查询</a>
      </p>
      <dl className="kpis">
        <div>
          <dt>搜索次数</dt>
          <dd>{d.totals.searches}</dd>
        </div>
        <div>
          <dt>零结果率</dt>
          <dd>{pct(d.totals.zeroRate)}</dd>
        </div>
        <div>
          <dt>无点击率</dt>
          <dd>{pct(d.totals.noClickRate)}</dd>
        </div>
        <div>
          <dt>点击率</dt>
          <dd>{pct(d.totals.ctr)}</dd>
        </div>
        <div>
          <dt>平均点击位置</dt>
          <dd>{d.totals.meanPosition === null ? "—" : d.totals.meanPosition.toFixed(1)}</dd>
        </div>
        <div>
          <dt>搜索建议点击</dt>
          <dd>{d.totals.suggestionClicks}</dd>
        </div>
      </dl>
      <p className="meta">零结果率按全部搜索计；无点击率和点击率按有结果的搜索计（点击率：至少点了一个结果的搜索所占比例）。</p>
      <BarChart id="per-day" title="每日搜索次数" data={d.days.map((x) => ({ label: label(x.day), value: x.searches }))} />
      <LineChart
        id="rates"
        title="每日零结果率、无点击率和点击率"
        format={pct}
        series={[
          { name: "零结果率", data: d.days.map((x) => ({ label: label(x.day), value: x.searches ? x.zero / x.searches : 0 })) },
          { name: "无点击率", data: d.days.map((x) => ({ label: label(x.day), value: x.searches - x.zero ? x.noClick / (x.searches - x.zero) : 0 })) },
          { name: "点击率", data: d.days.map((x) => ({ label: label(x.day), value: x.searches - x.zero ? x.clicked / (x.searches - x.zero) : 0 })) },
        ]}
      />

      <h2>按地区的内容缺口</h2>
      {regions.length === 0 ? (
        <p className="notice">这段时间没有未满足的搜索。</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">地区</th>
              <th scope="col">搜索</th>
              <th scope="col">次数</th>
              <th scope="col">原因</th>
              <th scope="col">处理</th>
            </tr>
          </thead>
          <tbody>
            {regions.flatMap(([region, list]) =>
              list.slice(0, 5).map((g, i) => (
                <tr key={`${region}-${g.query}`}>
                  {i === 0 ? (
                    <th scope="rowgroup" rowSpan={Math.min(5, list.length)}>
                      {regionLabel(region)}
                    </th>
                  ) : null}
                  <td>{g.id ? <Link href={adminGapPath(g.id)}>{g.query}</Link> : g.query}</td>
                  <td>
                    {g.searches}
                    <span className="meta">（零结果 {g.zeroHits}，无点击 {g.noClicks}）</span>
                  </td>
                  <td>{CAUSE_LABELS[g.cause as keyof typeof CAUSE_LABELS] ?? g.cause}</td>
                  <td>{g.id ? <GapActions id={g.id} /> : <span className="meta">下次统计后可处理</span>}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}

      <h2>已转为问题的缺口</h2>
      {converted.length === 0 ? (
        <p className="meta">还没有缺口转为问题。</p>
      ) : (
        <>
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">搜索</th>
                <th scope="col">地区</th>
                <th scope="col">前置时间</th>
                <th scope="col">零结果 / 天（发布前 → 发布后）</th>
                <th scope="col">问题</th>
              </tr>
            </thead>
            <tbody>
              {converted.map((g) => (
                <tr key={g.id}>
                  <td>
                    <Link href={adminGapPath(g.id)}>{g.query}</Link>
                  </td>
                  <td>{regionLabel(g.region)}</td>
                  <td>{g.history ? durationText(g.history.leadTimeMs) : <span className="meta">待解答</span>}</td>
                  <td>
                    {g.history ? `${rate(g.history.before.zeroPerDay)} → ${rate(g.history.after.zeroPerDay)}` : "—"}
                    {typeof g.history?.zeroPerDayDrop === "number" ? <span className="meta">（{g.history.zeroPerDayDrop >= 0 ? "减少" : "增加"} {pct(Math.abs(g.history.zeroPerDayDrop))}）</span> : null}
                  </td>
                  <td>{g.article ? <Link href={adminQuestionPath(g.article.slug)}>{g.article.title}</Link> : <span className="meta">已不存在</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="meta">前置时间：从第一次搜索到解答发布。零结果 / 天按同一缺口（同样的词、同一地区）的全部搜索计。</p>
        </>
      )}

      <h2>最慢的查询</h2>
      {d.slowest.length === 0 ? (
        <p className="meta">没有数据。</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">查询</th>
              <th scope="col">次数</th>
              <th scope="col">最长（毫秒）</th>
              <th scope="col">平均（毫秒）</th>
            </tr>
          </thead>
          <tbody>
            {d.slowest.map((s) => (
              <tr key={s.query}>
                <td>
                  <Link href={searchPath({ q: s.query })}>{s.query}</Link>
                </td>
                <td>{s.searches}</td>
                <td>{s.maxMs}</td>
                <td>{s.meanMs}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
