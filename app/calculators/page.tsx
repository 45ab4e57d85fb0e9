// /calculators?region=&year=&insurance=&scheme= — every policy the calculator knows, grouped by region,
// and a form to pick one. A pick that names exactly one policy goes straight to its calculator.
import type { Metadata } from "next";
import Link from "@/components/SiteLink";
import { redirect } from "next/navigation";
import { matchesFilter, policyFilterSchema, type PolicyFilter } from "@/lib/calculators/http/http";
import { INSURANCE_LABELS, SCHEME_LABELS } from "@/lib/calculators/engine/labels";
import type { Policy } from "@/lib/calculators/engine/policy-schema";
import { policyStatus, type PolicyStatus } from "@/lib/calculators/engine/policy-status";
import { todayInChina } from "@/lib/domain/dates";
import { getPolicies } from "@/lib/calculators/policies/server-policies";
import { regionLabel } from "@/lib/regions";
import { calculatorPath, calculatorsPath } from "@/lib/urls";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "医保报销计算器",
  description: "按参保地、年度和待遇类别估算医保报销：统筹基金支付多少、个人负担多少，逐步说明并注明政策来源。",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FILTER_KEYS = ["region", "year", "insurance", "scheme"] as const;

/** Each field on its own: one bad value is dropped (and reported) without losing the others. */
function readFilter(params: Record<string, string | string[] | undefined>): { filter: PolicyFilter; invalid: string[] } {
  const filter: PolicyFilter = {};
  const invalid: string[] = [];
  for (const key of FILTER_KEYS) {
    const raw = params[key];
    if (typeof raw !== "string" || raw === "") continue;
    const parsed = policyFilterSchema.shape[key].safeParse(raw);
    if (parsed.success && parsed.data !== undefined) Object.assign(filter, { [key]: parsed.data });
    else invalid.push(key);
  }
  return { filter, invalid };
}

function StatusBadges({ policy, status }: { policy: Policy; status: PolicyStatus }) {
  return (
    <>
      {status.expired ? <span className="chip status">已过期</span> : null}
      {status.upcoming ? <span className="chip status">尚未生效</span> : null}
      {status.newer.length > 0 ? <span className="chip status">有更新年度</span> : null}
      {policy.illustrative ? <span className="chip status">示意数据</span> : null}
      <span className={`chip calc-status calc-status-${status.verification}`}>
        {status.verification === "verified" ? "已核实" : status.verification === "secondary" ? "二手资料" : "未核实"}
      </span>
    </>
  );
}

function PickForm({ policies, filter }: { policies: Policy[]; filter: PolicyFilter }) {
  const regions = [...new Set(policies.map((p) => p.region))].sort();
  const years = [...new Set(policies.map((p) => p.year))].sort((a, b) => b - a);
  const schemes = (Object.keys(SCHEME_LABELS) as (keyof typeof SCHEME_LABELS)[]).filter((s) => policies.some((p) => p.scheme === s));
  return (
    <form className="calc-pick" method="get" action={calculatorsPath()} aria-label="选择计算器">
      <div className="calc-field">
        <label htmlFor="pick-region">参保地</label>
        <select id="pick-region" name="region" defaultValue={filter.region ?? ""}>
          <option value="">全部地区</option>
          {regions.map((code) => (
            <option key={code} value={code}>
              {regionLabel(code)}
            </option>
          ))}
        </select>
      </div>
      <div className="calc-field">
        <label htmlFor="pick-year">年度</label>
        <select id="pick-year" name="year" defaultValue={filter.year?.toString() ?? ""}>
          <option value="">全部年度</option>
          {years.map((year) => (
            <option key={year} value={year}>
              {year} 年
            </option>
          ))}
        </select>
      </div>
      <div className="calc-field">
        <label htmlFor="pick-insurance">险种</label>
        <select id="pick-insurance" name="insurance" defaultValue={filter.insurance ?? ""}>
          <option value="">全部险种</option>
          {(Object.keys(INSURANCE_LABELS) as (keyof typeof INSURANCE_LABELS)[]).map((value) => (
            <option key={value} value={value}>
              {INSURANCE_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <div className="calc-field">
        <label htmlFor="pick-scheme">待遇类别</label>
        <select id="pick-scheme" name="scheme" defaultValue={filter.scheme ?? ""}>
          <option value="">全部类别</option>
          {schemes.map((value) => (
            <option key={value} value={value}>
              {SCHEME_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">查找计算器</button>
    </form>
  );
}

function describeFilter(filter: PolicyFilter): string {
  return [
    filter.region ? regionLabel(filter.region) : "",
    filter.year ? `${filter.year}年` : "",
    filter.insurance ? INSURANCE_LABELS[filter.insurance] : "",
    filter.scheme ? SCHEME_LABELS[filter.scheme] : "",
  ].join("");
}

export default async function CalculatorsPage({ searchParams }: Props) {
  const { filter, invalid } = readFilter(await searchParams);
  let policies: Policy[];
  try {
    policies = await getPolicies();
  } catch (error) {
    console.error("calculator policies failed to load:", error instanceof Error ? error.message : error);
    return (
      <>
        <h1>医保报销计算器</h1>
        <p className="notice" role="alert">
          政策数据暂时无法加载，请稍后再试。
        </p>
      </>
    );
  }

  const matching = policies.filter((p) => matchesFilter(p, filter));
  const picked = filter.region !== undefined && filter.year !== undefined && filter.scheme !== undefined;
  const [only] = matching;
  if (picked && matching.length === 1 && only) redirect(calculatorPath(only.id));

  const today = todayInChina();
  const byRegion = new Map<string, Policy[]>();
  for (const policy of [...matching].sort((a, b) => a.region.localeCompare(b.region) || b.year - a.year || a.id.localeCompare(b.id))) {
    byRegion.set(policy.region, [...(byRegion.get(policy.region) ?? []), policy]);
  }
  const filtered = Object.keys(filter).length > 0;
  const sameKindYears = filter.region
    ? [...new Set(policies.filter((p) => matchesFilter(p, { ...filter, year: undefined })).map((p) => p.year))].sort()
    : [];

  return (
    <>
      <h1>医保报销计算器</h1>
      <p className="meta">
        选择参保地、年度和待遇类别，按当地政策估算一次看病的统筹基金支付和个人负担，并逐步说明计算过程。估算仅供参考，以医保经办机构结算为准。
      </p>
      {invalid.length > 0 ? (
        <p className="notice" role="alert">
          部分筛选条件无效，已忽略：{invalid.map((key) => ({ region: "参保地", year: "年度", insurance: "险种", scheme: "待遇类别" })[key]).join("、")}。
        </p>
      ) : null}
      <PickForm policies={policies} filter={filter} />

      {matching.length === 0 ? (
        <div className="empty calc-empty">
          <p>
            {filtered ? `暂未收录${describeFilter(filter)}的报销政策。` : "暂未收录任何报销政策。"}
            计算器不会借用其他地区或年度的标准。
          </p>
          {sameKindYears.length > 0 ? <p>该地区此类政策已收录的年度：{sameKindYears.join("、")}。</p> : null}
          {filtered ? (
            <p>
              <Link href={calculatorsPath()}>查看全部计算器</Link>
            </p>
          ) : null}
        </div>
      ) : (
        [...byRegion].map(([region, list]) => (
          <section key={region} aria-labelledby={`region-${region}`} className="calc-region">
            <h2 id={`region-${region}`}>{regionLabel(region)}</h2>
            <ul className="plain results">
              {list.map((policy) => (
                <li key={policy.id}>
                  <Link className="title" href={calculatorPath(policy.id)}>
                    {policy.title}
                  </Link>
                  <div className="meta">
                    <span>{policy.year} 年</span>
                    <span>{INSURANCE_LABELS[policy.insurance]}</span>
                    <span>{SCHEME_LABELS[policy.scheme]}</span>
                    <span>
                      有效期 {policy.effective.from} 至 {policy.effective.to}
                    </span>
                    <StatusBadges policy={policy} status={policyStatus(policies, policy, today)} />
                  </div>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}
