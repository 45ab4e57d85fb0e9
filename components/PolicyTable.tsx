// One policy's figures as a table, with its validity and verification status said next to them.
import Link from "@/components/SiteLink";
import type { PolicyFacts } from "@/lib/calculators/engine/policy-facts";
import { calculatorPath } from "@/lib/urls";

export function PolicyTable({ facts, expired }: { facts: PolicyFacts; expired: boolean }) {
  const year = facts.effective.slice(0, 4);
  return (
    <figure className="policy-facts">
      <figcaption>
        <strong>{facts.title}</strong>{" "}
        <span className={`chip calc-status calc-status-${facts.status.code}`}>{facts.status.label}</span>
        {facts.checked ? <span className="meta policy-checked">（{facts.checked}）</span> : null}
      </figcaption>
      {expired ? (
        <p className="notice" role="note">
          以下为 {year} 年标准（有效期 {facts.effective}），已经到期；新年度标准尚未核实，请以当地医保部门最新文件为准。
        </p>
      ) : null}
      {facts.illustrative ? <p className="notice" role="note">示意数据：这些数字并非官方标准，只用于说明计算方法。</p> : null}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">医疗机构</th>
              <th scope="col">起付线</th>
              <th scope="col">{facts.scheme === "生育医疗费用" ? "定额支付" : "统筹基金支付比例"}</th>
            </tr>
          </thead>
          <tbody>
            {facts.levels.map((l) => (
              <tr key={l.level}>
                <th scope="row">{l.level}</th>
                <td>{l.deductible}</td>
                <td>{l.ratio}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="facts">
        {facts.deductibleBasis ? (
          <>
            <dt>起付线计算</dt>
            <dd>{facts.deductibleBasis}</dd>
          </>
        ) : null}
        <dt>封顶线</dt>
        <dd>{facts.caps.length ? facts.caps.join("；") : "来源未给出"}</dd>
        <dt>文号</dt>
        <dd>{facts.document}</dd>
        <dt>有效期</dt>
        <dd>{facts.effective}</dd>
      </dl>
      <p>
        <Link href={calculatorPath(facts.id)}>单独打开这个计算器</Link>
      </p>
    </figure>
  );
}
