// Server-rendered SVG charts for the analytics dashboard: no chart code in the browser, nothing for the
// CSP to allow, and each chart followed by the same figures as a table (its text alternative).
type Point = { label: string; value: number };

const W = 640;
const H = 180;
const PAD = { left: 44, right: 8, top: 10, bottom: 24 };

function ticks(max: number): number[] {
  return [0, max / 2, max];
}

/**
 * `marker`: the label of a bar to mark (a vertical line with `marker.text` as its title), e.g. the day
 * an answer was published; `table`: a fuller table than the bars' own figures, as the chart's text
 * alternative.
 */
export function BarChart({
  id,
  title,
  data,
  format = String,
  marker,
  table,
}: {
  id: string;
  title: string;
  data: Point[];
  format?: (v: number) => string;
  marker?: { label: string; text: string };
  table?: { head: string[]; rows: string[][] };
}) {
  const max = Math.max(1, ...data.map((d) => d.value));
  const iw = W - PAD.left - PAD.right;
  const ih = H - PAD.top - PAD.bottom;
  const bw = data.length ? iw / data.length : iw;
  return (
    <figure className="chart" aria-labelledby={`${id}-t`}>
      <figcaption id={`${id}-t`}>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t`} preserveAspectRatio="none">
        {ticks(max).map((t) => {
          const y = PAD.top + ih - (t / max) * ih;
          return (
            <g key={t}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y} y2={y} className="grid" />
              <text x={PAD.left - 4} y={y + 4} textAnchor="end" className="tick">
                {format(t)}
              </text>
            </g>
          );
        })}
        {data.map((d, i) => {
          const h = (d.value / max) * ih;
          return (
            <rect key={d.label} x={PAD.left + i * bw + bw * 0.1} y={PAD.top + ih - h} width={Math.max(1, bw * 0.8)} height={h} className="bar">
              <title>{`${d.label}：${format(d.value)}`}</title>
            </rect>
          );
        })}
        {marker && data.some((d) => d.label === marker.label) ? (
          <line
            x1={PAD.left + (data.findIndex((d) => d.label === marker.label) + 0.5) * bw}
            x2={PAD.left + (data.findIndex((d) => d.label === marker.label) + 0.5) * bw}
            y1={PAD.top}
            y2={PAD.top + ih}
            className="marker"
          >
            <title>{`${marker.label}：${marker.text}`}</title>
          </line>
        ) : null}
        <XLabels data={data} />
      </svg>
      <ChartTable caption={title} head={table?.head ?? ["日期", title]} rows={table?.rows ?? data.map((d) => [d.label, format(d.value)])} />
    </figure>
  );
}

export function LineChart({ id, title, series, format = String }: { id: string; title: string; series: { name: string; data: Point[] }[]; format?: (v: number) => string }) {
  const all = series.flatMap((s) => s.data.map((d) => d.value));
  const max = Math.max(0.0001, ...all);
  const iw = W - PAD.left - PAD.right;
  const ih = H - PAD.top - PAD.bottom;
  const n = series[0]?.data.length ?? 0;
  const x = (i: number) => PAD.left + (n <= 1 ? iw / 2 : (i / (n - 1)) * iw);
  const y = (v: number) => PAD.top + ih - (v / max) * ih;
  return (
    <figure className="chart" aria-labelledby={`${id}-t`}>
      <figcaption id={`${id}-t`}>
        {title}
        <span className="legend">
          {series.map((s, k) => (
            <span key={s.name} className={`series-${k}`}>
              {s.name}
            </span>
          ))}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t`} preserveAspectRatio="none">
        {ticks(max).map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} className="grid" />
            <text x={PAD.left - 4} y={y(t) + 4} textAnchor="end" className="tick">
              {format(t)}
            </text>
          </g>
        ))}
        {series.map((s, k) => (
          <polyline key={s.name} className={`line series-${k}`} fill="none" points={s.data.map((d, i) => `${x(i).toFixed(1)},${y(d.value).toFixed(1)}`).join(" ")} />
        ))}
        <XLabels data={series[0]?.data ?? []} />
      </svg>
      <ChartTable caption={title} head={["日期", ...series.map((s) => s.name)]} rows={(series[0]?.data ?? []).map((d, i) => [d.label, ...series.map((s) => format(s.data[i]!.value))])} />
    </figure>
  );
}

function XLabels({ data }: { data: Point[] }) {
  if (!data.length) return null;
  const first = data[0]!.label;
  const last = data.at(-1)!.label;
  return (
    <>
      <text x={PAD.left} y={H - 6} className="tick">
        {first}
      </text>
      <text x={W - PAD.right} y={H - 6} textAnchor="end" className="tick">
        {last}
      </text>
    </>
  );
}

function ChartTable({ caption, head, rows }: { caption: string; head: string[]; rows: string[][] }) {
  return (
    <details>
      <summary>以表格查看</summary>
      <table className="admin-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r[0]}>
              {r.map((c, i) => (i === 0 ? <th key={i} scope="row">{c}</th> : <td key={i}>{c}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
