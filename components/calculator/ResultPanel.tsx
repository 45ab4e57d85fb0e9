// The result of one estimate: the two totals (announced to screen readers), a stacked bar of who pays
// which part, and the engine's explanation, one step per line.
import { useEffect, useRef } from "react";
import type { EstimateView } from "@/lib/calculators/engine/estimate";
import { chartSegments, chartSummary, formatYuanView, type Outcome } from "@/lib/calculators/widget/widget-state";

const FIELD_NAMES: Record<string, string> = {
  body: "请求",
  region: "地区",
  year: "年度",
  insurance: "险种",
  scheme: "待遇类别",
  level: "就诊机构",
  person: "人员类别",
  delivery: "分娩或手术类型",
  filing: "就医地",
  total: "总费用",
  selfPaid: "全自费",
  classB: "乙类项目",
  "ytd.fundPaid": "本年统筹基金已支付",
  "ytd.deductibleMet": "本年已累计的起付线",
  "ytd.admissionsBefore": "本年此前住院次数",
  "ytd.layerBase": "本年已计入的费用",
};

// Fields with an input of their own show their message beside it; the summary only names them, so
// that each message is said once. Fields without an input (region, year …) are explained here.
const INLINE = new Set(["level", "person", "delivery", "total", "selfPaid", "classB", "filing", "ytd.fundPaid", "ytd.deductibleMet", "ytd.admissionsBefore", "ytd.layerBase"]);

function ErrorSummary({ outcome }: { outcome: Extract<Outcome, { kind: "error" }> }) {
  const entries = Object.entries(outcome.fields);
  const inline = entries.filter(([field]) => INLINE.has(field));
  const elsewhere = entries.filter(([field]) => !INLINE.has(field));
  return (
    <div className="calc-errors notice">
      <p>
        <strong>无法计算：</strong>
        {inline.length ? `请检查${inline.map(([f]) => `“${FIELD_NAMES[f] ?? f}”`).join("、")}（见标出的输入框）。` : elsewhere.length ? null : outcome.message}
      </p>
      {elsewhere.length > 0 ? (
        <ul>
          {elsewhere.map(([field, messages]) => (
            <li key={field}>
              {FIELD_NAMES[field] ?? field}：{[...new Set(messages)].join("；")}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function StackedBar({ view }: { view: EstimateView }) {
  const segments = chartSegments(view);
  if (segments.length === 0) return null;
  const counters = { fund: 0, self: 0 };
  const shades = segments.map((s) => `calc-seg-${s.side}-${Math.min(counters[s.side]++, 2)}`);
  return (
    <figure className="calc-chart">
      <div className="calc-bar" role="img" aria-label={chartSummary(view)}>
        {segments.map((s, i) => (
          <span key={s.key} className={`calc-seg ${shades[i]}`} style={{ width: `${s.percent}%` }} title={`${s.label} ${formatYuanView(s.amount)}`} />
        ))}
      </div>
      <figcaption>
        <ul className="calc-legend">
          {segments.map((s, i) => (
            <li key={s.key}>
              <span className={`calc-swatch ${shades[i]}`} aria-hidden="true" />
              {s.side === "fund" ? "基金" : "个人"} · {s.label} {formatYuanView(s.amount)}（{Math.round(s.percent * 10) / 10}%）
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

export function ResultPanel({ id, outcome, loading }: { id: string; outcome: Outcome; loading: boolean }) {
  const view = outcome.kind === "ok" ? outcome.view : null;
  return (
    <div className="calc-result" role="group" aria-label="计算结果" aria-busy={loading}>
      <div className="calc-totals" aria-live="polite" aria-atomic="true" data-testid="calc-totals">
        {view ? (
          <>
            <p className="calc-self">
              个人负担 <strong>{formatYuanView(view.self)}</strong>
            </p>
            <p className="calc-fund">
              基金支付 <strong>{formatYuanView(view.fund)}</strong>
              <span className="meta">（总费用 {formatYuanView(view.total)}）</span>
            </p>
            {!view.covered ? <p className="calc-uncovered">本政策在所选机构或类型下不支付，详见计算过程。</p> : null}
          </>
        ) : outcome.kind === "error" ? (
          <ErrorSummary outcome={outcome} />
        ) : null}
      </div>
      <p className="calc-loading meta" aria-hidden={!loading}>
        {loading ? "正在计算…" : "\u00a0"}
      </p>
      {view ? (
        <>
          <StackedBar view={view} />
          <Steps id={id} lines={view.lines} />
        </>
      ) : null}
    </div>
  );
}

/** The explanation, folded on phones (it is long) and open on wider screens once the page has loaded. */
function Steps({ id, lines }: { id: string; lines: string[] }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (ref.current && window.matchMedia("(min-width: 48rem)").matches) ref.current.open = true;
  }, []);
  return (
    <details className="calc-steps" ref={ref}>
      <summary className="calc-subhead" id={`${id}-steps`}>
        计算过程（{lines.length} 步）
      </summary>
      <ol className="calc-lines" aria-labelledby={`${id}-steps`}>
        {lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ol>
    </details>
  );
}
