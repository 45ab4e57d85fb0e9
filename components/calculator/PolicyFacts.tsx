// What a reader must know to trust a result: whether the policy still applies, whether a newer year
// exists, whether its figures are illustrative, and where they come from with their verification status.
import type { CalculatorConfig } from "@/lib/calculators/widget/widget-state";
import { calculatorPath } from "@/lib/urls";

export function PolicyNotices({ config }: { config: CalculatorConfig }) {
  const { status, policy, key } = config;
  const newest = status.newer.at(-1);
  return (
    <>
      {status.expired ? (
        <p className="notice calc-notice" role="note">
          这是 {key.year} 年的政策（有效期 {policy.effective.from} 至 {policy.effective.to}），已经过期；下面按该年度标准计算，仅供参考。
          {newest ? null : "本站尚未收录更新年度的标准，请以当地医保部门最新文件为准。"}
        </p>
      ) : null}
      {status.upcoming ? (
        <p className="notice calc-notice" role="note">
          该政策自 {policy.effective.from} 起执行，目前尚未生效。
        </p>
      ) : null}
      {newest ? (
        <p className="notice calc-notice" role="note">
          已有更新年度的政策：
          {status.newer.map((n, i) => (
            <span key={n.id}>
              {i > 0 ? "、" : null}
              <a href={calculatorPath(n.id)}>{n.year} 年</a>
            </span>
          ))}
          。计算器不会用其他年度的标准替代本年度。
        </p>
      ) : null}
      {policy.illustrative ? (
        <p className="notice calc-notice" role="note">
          示意数据：本政策的数字并非官方标准，只用于说明计算方法。
        </p>
      ) : null}
    </>
  );
}

export function PolicyFacts({ config }: { config: CalculatorConfig }) {
  const { policy } = config;
  return (
    <div className="calc-facts">
      <p className="calc-subhead">政策依据</p>
      <ul className="calc-sources">
        {policy.sources.map((source, i) => (
          <li key={i}>
            {source.url ? (
              <a href={source.url} rel="noopener noreferrer" target="_blank">
                {source.title}
              </a>
            ) : (
              source.title
            )}
            {source.number ? `（${source.number}）` : null}
            <span className="meta">
              {source.publisher}
              {source.date ? ` · ${source.date}` : null}
            </span>{" "}
            <span className={`chip calc-status calc-status-${source.status}`}>{source.statusLabel}</span>
          </li>
        ))}
      </ul>
      {policy.note ? (
        <details className="calc-note">
          <summary>本计算采用的理解和说明</summary>
          <p>{policy.note}</p>
        </details>
      ) : null}
      <p className="calc-disclaimer meta">估算结果仅供参考，实际报销以医保经办机构结算为准。</p>
    </div>
  );
}
