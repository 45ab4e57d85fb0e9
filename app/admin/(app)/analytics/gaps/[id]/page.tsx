// /admin/analytics/gaps/{id} — one content gap's story: when readers first searched for it, when it became
// a question, when the answer was published (the lead time), and how many searches still found nothing
// before and after, per day or week (a chart with its table).
import Link from "next/link";
import { notFound } from "next/navigation";
import { BarChart } from "@/components/admin/Charts";
import { GapActions } from "@/components/admin/GapActions";
import { CAUSE_LABELS } from "@/lib/analytics/cause";
import { durationText, type HistoryWindow, PHASE_LABELS } from "@/lib/analytics/gap-history";
import { gapDetail, type GapState } from "@/lib/analytics/gaps";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { regionLabel } from "@/lib/regions";
import { pageEditor } from "@/lib/site/admin-page";
import { adminAnalyticsPath, adminQuestionPath } from "@/lib/urls";
import { CHINA_TIME_LABEL, chinaDateTime } from "@/lib/domain/dates";

export const metadata = { title: "内容缺口的经过" };

const STATE_LABELS: Record<GapState, string> = { open: "待处理", dismissed: "已忽略", converted: "已转为问题" };
/** Before this many days after publication the "after" figures are still settling. */
const SETTLED_DAYS = 7;

const when = chinaDateTime;
const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(v && Math.abs(v) < 0.1 ? 1 : 0)}%`);
const perDay = (v: number | null) => (v === null ? "—" : v.toFixed(v < 10 ? 2 : 1));

function WindowRow({ name, w }: { name: string; w: HistoryWindow }) {
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>
        {when(w.from)} 至 {when(w.to)}
        <span className="meta">（{w.days} 天）</span>
      </td>
      <td>{w.searches}</td>
      <td>{w.zeroHits}</td>
      <td>{perDay(w.zeroPerDay)}</td>
      <td>{pct(w.zeroRate)}</td>
    </tr>
  );
}

export default async function GapPage({ params }: { params: Promise<{ id: string }> }) {
  await pageEditor("analytics.read");
  const { id: raw } = await params;
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
  const gap = id ? await gapDetail(getDb(), id) : null;
  if (!gap) notFound();
  const h = gap.history;
  const unit = gap.series.unit === "day" ? "日" : "周";
  const label = (start: string) => (gap.series.unit === "day" ? start.slice(5) : `${start.slice(5)} 起`);
  const published = gap.series.points.find((p) => p.phase === "answer_published");
  const drop = h?.zeroPerDayDrop ?? null;

  return (
    <>
      <p className="meta">
        <Link href={adminAnalyticsPath()}>搜索分析</Link> › 内容缺口
      </p>
      <h1>“{gap.query}”</h1>
      <p className="meta">
        {regionLabel(gap.region)} · {CAUSE_LABELS[gap.cause as keyof typeof CAUSE_LABELS] ?? gap.cause} · {STATE_LABELS[gap.state]} · 未满足的搜索 {gap.searches} 次（零结果 {gap.zeroHits}，无点击 {gap.noClicks}）
      </p>
      {gap.state === "open" ? <GapActions id={gap.id} /> : null}

      <h2>经过</h2>
      <dl className="kpis">
        <div>
          <dt>首次搜索</dt>
          <dd>{when(gap.firstSeen)}</dd>
        </div>
        <div>
          <dt>转为问题</dt>
          <dd>{h ? when(h.questionAt) : gap.state === "converted" && gap.decidedAt ? when(gap.decidedAt) : "—"}</dd>
        </div>
        <div>
          <dt>发布解答</dt>
          <dd>{h ? when(h.answeredAt) : "尚未发布"}</dd>
        </div>
        <div>
          <dt>前置时间（首次搜索 → 发布解答）</dt>
          <dd>{h ? durationText(h.leadTimeMs) : "—"}</dd>
        </div>
      </dl>
      <p className="meta">
        时间均为{CHINA_TIME_LABEL}，按日（周）统计也按北京时间划分。
        {gap.article ? (
          <>
            问题：<Link href={adminQuestionPath(gap.article.slug)}>{gap.article.title}</Link>
            {h ? `（从转为问题到发布解答用了 ${durationText(h.answerTimeMs)}）` : "，还在等待解答。"}
          </>
        ) : gap.state === "converted" ? (
          "由它转成的问题已不存在。"
        ) : null}
      </p>

      {h ? (
        <>
          <h2>发布解答前后的零结果搜索</h2>
          <p>
            {drop === null
              ? "发布前的零结果搜索已不在日志里，或发布前没有零结果搜索，无法比较。"
              : drop >= 0
                ? `发布解答后，平均每天的零结果搜索减少了 ${pct(drop)}（每天 ${perDay(h.before.zeroPerDay)} 次 → ${perDay(h.after.zeroPerDay)} 次）。`
                : `发布解答后，平均每天的零结果搜索反而增加了 ${pct(-drop)}（每天 ${perDay(h.before.zeroPerDay)} 次 → ${perDay(h.after.zeroPerDay)} 次）。`}
            {h.after.days < SETTLED_DAYS ? ` 解答发布还不到 ${SETTLED_DAYS} 天，发布后的数字仍会变化。` : ""}
          </p>
          <table className="admin-table">
            <caption className="visually-hidden">发布解答前后的搜索对比</caption>
            <thead>
              <tr>
                <th scope="col">阶段</th>
                <th scope="col">时间段</th>
                <th scope="col">搜索次数</th>
                <th scope="col">零结果搜索</th>
                <th scope="col">零结果 / 天</th>
                <th scope="col">零结果率</th>
              </tr>
            </thead>
            <tbody>
              <WindowRow name="发布前" w={h.before} />
              <WindowRow name="发布后" w={h.after} />
            </tbody>
          </table>
          <p className="meta">
            计入的是与这个缺口用词相同（归一化和同义词之后）、地区相同的全部搜索，有结果的也算；每天的次数按至少一天计。
          </p>
        </>
      ) : null}

      <BarChart
        id="gap-zero"
        title={`每${unit}零结果搜索`}
        data={gap.series.points.map((p) => ({ label: label(p.start), value: p.zeroHits }))}
        marker={published ? { label: label(published.start), text: "发布解答" } : undefined}
        table={{
          head: [gap.series.unit === "day" ? "日期" : "周（起始日）", "搜索次数", "零结果搜索", "阶段"],
          rows: gap.series.points.map((p) => [label(p.start), String(p.searches), String(p.zeroHits), PHASE_LABELS[p.phase]]),
        }}
      />
      <p className="meta">
        搜索日志只保留 {env().SEARCH_LOG_RETENTION_DAYS} 天：更早的搜索已删除，不在上面的统计里（首次搜索时间仍然保留）。
      </p>
    </>
  );
}
