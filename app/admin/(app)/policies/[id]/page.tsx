// /admin/policies/{id} — one policy's figures as readers see them, its check history, and the form that
// records a new check.
import Link from "next/link";
import { notFound } from "next/navigation";
import { CheckForm } from "@/components/admin/CheckForm";
import { PolicyTable } from "@/components/PolicyTable";
import { checkMarkText } from "@/lib/calculators/engine/policy-checks";
import { CHECK_OUTCOME_LABELS } from "@/lib/domain/checks";
import { policyFacts } from "@/lib/calculators/engine/policy-facts";
import { todayInChina } from "@/lib/domain/dates";
import { checkHistory } from "@/lib/calculators/policies/checks";
import { getPolicies } from "@/lib/calculators/policies/server-policies";
import { getDb } from "@/lib/db/client";
import { pageEditor } from "@/lib/site/admin-page";
import { ADMIN_SECTIONS, adminPolicyChecksApiPath, calculatorPath, regionPath } from "@/lib/urls";

export const metadata = { title: "核实政策数据" };

export default async function PolicyCheckPage({ params }: { params: Promise<{ id: string }> }) {
  await pageEditor("policy.history");
  const { id } = await params;
  const policy = (await getPolicies()).find((p) => p.id === decodeURIComponent(id));
  if (!policy) notFound();
  const today = todayInChina();
  const history = await checkHistory(getDb(), policy.id);
  const official = policy.checked && !policy.checked.lapsed && policy.checked.outcome === "verified" ? policy.sources[0] : undefined;
  const fileSource = policy.sources.find((s) => s.url) ?? policy.sources[0];
  return (
    <>
      <p className="meta">
        <Link href={ADMIN_SECTIONS.policies}>政策数据核实</Link> › {policy.title}
      </p>
      <h1>{policy.title}</h1>
      <p className="meta">
        content/policies/{policy.id}.yaml · <Link href={calculatorPath(policy.id)}>计算器</Link> · <Link href={regionPath(policy.region)}>地区页面</Link>
      </p>
      <PolicyTable facts={policyFacts(policy)} expired={policy.effective.to < today} />
      {policy.note ? <p className="meta">文件说明：{policy.note}</p> : null}
      <h2>记录核实结果</h2>
      <p className="meta">核对的是上表中的数字（起付线、支付比例、封顶线、有效期）。{checkMarkText(policy) ?? "这份政策还没有人核对过。"}</p>
      <CheckForm
        endpoint={adminPolicyChecksApiPath(policy.id)}
        outcomes={["verified", "unverified", "illustrative"]}
        today={today}
        source={official ?? (fileSource?.status === "verified" ? fileSource : undefined)}
        done="计算器和地区页面已更新。"
      />
      <h2>核实记录（{history.length}）</h2>
      {history.length === 0 ? (
        <p className="empty">还没有核实记录。</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">核实日期</th>
              <th scope="col">结果</th>
              <th scope="col">官方文件</th>
              <th scope="col">审核人</th>
            </tr>
          </thead>
          <tbody>
            {history.map((c) => (
              <tr key={c.id}>
                <td>{c.checkedOn}</td>
                <td>
                  {CHECK_OUTCOME_LABELS[c.outcome]}
                  {c.note ? <div className="meta">{c.note}</div> : null}
                </td>
                <td>
                  {c.source ? (
                    <>
                      {c.source.url ? (
                        <a href={c.source.url} rel="noopener noreferrer" target="_blank">
                          {c.source.title}
                        </a>
                      ) : (
                        c.source.title
                      )}
                      <div className="meta">
                        {c.source.publisher}
                        {c.source.number ? ` · ${c.source.number}` : ""}
                        {c.source.date ? ` · ${c.source.date}` : ""}
                      </div>
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td>{c.checkedBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
