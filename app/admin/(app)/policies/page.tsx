// /admin/policies — every policy file with its verification status and last check, unchecked and
// expired first: where reviewers start checking figures against official documents.
import Link from "next/link";
import { checkMarkText, needsCheck } from "@/lib/calculators/engine/policy-checks";
import { SOURCE_STATUS_LABELS } from "@/lib/calculators/engine/labels";
import { todayInChina } from "@/lib/domain/dates";
import { getPolicies } from "@/lib/calculators/policies/server-policies";
import { regionLabel } from "@/lib/regions";
import { pageEditor } from "@/lib/site/admin-page";
import { adminPolicyPath } from "@/lib/urls";

export const metadata = { title: "政策数据核实" };

export default async function PoliciesPage() {
  await pageEditor("policy.history");
  const today = todayInChina();
  const first = (p: Awaited<ReturnType<typeof getPolicies>>[number]) => (needsCheck(p, today) ? 0 : 1);
  const policies = (await getPolicies()).sort((a, b) => first(a) - first(b) || a.region.localeCompare(b.region) || b.year - a.year);
  return (
    <>
      <h1>政策数据核实</h1>
      <p className="meta">计算器和地区页面上的数字来自这些政策文件。对照官方文件核对后在这里记录结果：读者会看到“已核对官方文件”和核实日期；文件里的数字以后若有改动，核实自动失效，需要重新核对。</p>
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
          {policies.map((p) => (
            <tr key={p.id}>
              <td>{regionLabel(p.region)}</td>
              <td>
                <Link href={adminPolicyPath(p.id)}>{p.title}</Link>
                <div className="meta">content/policies/{p.id}.yaml</div>
              </td>
              <td>
                {p.effective.from} 至 {p.effective.to}
                {p.effective.to < today ? "（已到期）" : ""}
              </td>
              <td>
                {p.illustrative ? "示意数据" : SOURCE_STATUS_LABELS[p.sources[0]?.status ?? "unverified"]}
                <div className="meta">{checkMarkText(p) ?? "尚无审核人核对记录"}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
