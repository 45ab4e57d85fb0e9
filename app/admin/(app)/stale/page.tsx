// /admin/stale — reviewers' report: answers and policies whose figures may be out of date, by region,
// oldest first, with where to fix them.
import Link from "next/link";
import { staleAnswers, uncheckedAnswers } from "@/lib/articles/stale";
import { SOURCE_STATUS_LABELS } from "@/lib/calculators/engine/labels";
import { checkMarkText, needsCheck } from "@/lib/calculators/engine/policy-checks";
import { todayInChina } from "@/lib/domain/dates";
import { getPolicies } from "@/lib/calculators/policies/server-policies";
import { getDb } from "@/lib/db/client";
import { regionLabel } from "@/lib/regions";
import { pageEditor } from "@/lib/site/admin-page";
import { adminPolicyPath, adminQuestionPath, calculatorPath, questionPath } from "@/lib/urls";

export const metadata = { title: "可能过期的内容" };

export default async function StalePage() {
  await pageEditor("stale.read");
  const today = todayInChina();
  const [answers, unchecked, policies] = await Promise.all([staleAnswers(getDb(), today), uncheckedAnswers(getDb(), today), getPolicies()]);
  const stalePolicies = policies
    .filter((p) => needsCheck(p, today))
    .sort((a, b) => a.region.localeCompare(b.region) || a.year - b.year);
  return (
    <>
      <h1>可能过期的内容</h1>
      <p className="meta">
        按地区排列，年份最早的在前。页面上已向读者标明“某年标准”；核对最新文件后更新解答（写明年度），或在政策文件里补上新年度的数字和来源。
      </p>
      <h2>解答（{answers.length}）</h2>
      {answers.length === 0 ? (
        <p className="empty">没有过期的解答。</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">地区</th>
              <th scope="col">问题</th>
              <th scope="col">标记</th>
              <th scope="col">最后更新</th>
            </tr>
          </thead>
          <tbody>
            {answers.map((a) => (
              <tr key={a.slug}>
                <td>{regionLabel(a.region)}</td>
                <td>
                  <Link href={adminQuestionPath(a.slug)}>{a.title}</Link>{" "}
                  <Link className="meta" href={questionPath(a.slug)}>
                    公开页面
                  </Link>
                </td>
                <td>{a.mark}</td>
                <td>{a.lastChange}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>数字尚未核对的解答（{unchecked.length}）</h2>
      <p className="meta">解答里有金额或比例，但当前版本没有审核人在一年内对照官方文件核对过。打开后在“核对解答中的数字”里记录结果。</p>
      {unchecked.length === 0 ? (
        <p className="empty">所有含数字的解答都已核对。</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">地区</th>
              <th scope="col">问题</th>
              <th scope="col">上次核对</th>
              <th scope="col">最后更新</th>
            </tr>
          </thead>
          <tbody>
            {unchecked.map((a) => (
              <tr key={a.slug}>
                <td>{regionLabel(a.region)}</td>
                <td>
                  <Link href={adminQuestionPath(a.slug, "figure-checks")}>{a.title}</Link>
                </td>
                <td>{a.lastCheck ?? "从未核对"}</td>
                <td>{a.lastChange}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>政策数据（{stalePolicies.length}）</h2>
      {stalePolicies.length === 0 ? (
        <p className="empty">所有政策都在有效期内且已核对官方文件。</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">地区</th>
              <th scope="col">政策</th>
              <th scope="col">有效期</th>
              <th scope="col">核实状态</th>
            </tr>
          </thead>
          <tbody>
            {stalePolicies.map((p) => (
              <tr key={p.id}>
                <td>{regionLabel(p.region)}</td>
                <td>
                  <Link href={adminPolicyPath(p.id)}>{p.title}</Link> <Link className="meta" href={calculatorPath(p.id)}>计算器</Link>
                  <div className="meta">content/policies/{p.id}.yaml</div>
                </td>
                <td>
                  {p.effective.from} 至 {p.effective.to}
                  {p.effective.to < today ? "（已到期）" : ""}
                </td>
                <td>
                  {SOURCE_STATUS_LABELS[p.sources[0]?.status ?? "unverified"]}
                  {p.checked ? <div className="meta">{checkMarkText(p)}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
