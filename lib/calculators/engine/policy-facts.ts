// A policy's figures as a reader scans them in a table: 起付线 and 报销比例 per facility level, caps,
// document number, dates. Pure; the landing pages draw it (components/PolicyTable.tsx).
import { DELIVERY_LABELS, LEVEL_LABELS, PERSON_LABELS, SCHEME_LABELS, SOURCE_STATUS_LABELS } from "./labels.ts";
import { checkMarkText } from "./policy-checks.ts";
import { FACILITY_LEVELS, type Cap, type Person, type Policy } from "./policy-schema.ts";

type ByPerson = number | Partial<Record<Person, number>>;

function byPerson(v: ByPerson | undefined, unit: string): string {
  if (v === undefined) return "—";
  if (typeof v === "number") return `${v}${unit}`;
  return Object.entries(v)
    .map(([p, n]) => `${PERSON_LABELS[p as Person]} ${n}${unit}`)
    .join("；");
}

const PER = { visit: "每次", admission: "每次住院", year: "每年" } as const;

function capText(c: Cap): string {
  const what = c.on === "fund" ? "基金最高支付" : "计入政策范围的费用最高";
  return `${PER[c.per]}${what} ${byPerson(c.amount, "元")}`;
}

export type PolicyFacts = {
  id: string;
  title: string;
  scheme: string;
  effective: string;
  /** Per facility level: 起付线, 支付比例 (standard schemes) or the fixed amounts (maternity). */
  levels: { level: string; deductible: string; ratio: string }[];
  caps: string[];
  deductibleBasis: string | null;
  document: string;
  status: { code: string; label: string };
  /** Who checked the figures against the official document and when (engine/policy-checks.ts). */
  checked: string | null;
  illustrative: boolean;
};

export function policyFacts(policy: Policy): PolicyFacts {
  const source = policy.sources[0];
  const common = {
    id: policy.id,
    title: policy.title,
    scheme: SCHEME_LABELS[policy.scheme],
    effective: `${policy.effective.from} 至 ${policy.effective.to}`,
    document: source?.number ? `${source.number}（${source.publisher}）` : `未注明文号（${source?.publisher ?? "来源未注明"}）`,
    status: { code: source?.status ?? "unverified", label: SOURCE_STATUS_LABELS[source?.status ?? "unverified"] },
    checked: checkMarkText(policy),
    illustrative: policy.illustrative,
  };
  if (policy.scheme === "maternity") {
    const levels = FACILITY_LEVELS.filter((l) => Object.values(policy.maternity.fixedAmounts).some((m) => m?.[l] !== undefined)).map((l) => ({
      level: LEVEL_LABELS[l],
      deductible: "—",
      ratio: Object.entries(policy.maternity.fixedAmounts)
        .filter(([, m]) => m?.[l] !== undefined)
        .map(([d, m]) => `${DELIVERY_LABELS[d as keyof typeof DELIVERY_LABELS]} 定额 ${m![l]}元`)
        .join("；"),
    }));
    return { ...common, levels, caps: [], deductibleBasis: null };
  }
  const levels = FACILITY_LEVELS.filter((l) => policy.levels[l]).map((l) => {
    const rule = policy.levels[l]!;
    return { level: LEVEL_LABELS[l], deductible: rule.deductible === 0 ? "无" : byPerson(rule.deductible, "元"), ratio: byPerson(rule.ratio, "%") };
  });
  const levelCaps = FACILITY_LEVELS.flatMap((l) => (policy.levels[l]?.caps ?? []).map((c) => `${LEVEL_LABELS[l]}：${capText(c)}`));
  return {
    ...common,
    levels,
    caps: [...policy.caps.map(capText), ...levelCaps],
    deductibleBasis: policy.deductibleBasis.per === "year" ? "起付线每年计一次" : policy.deductibleBasis.per === "admission" ? "起付线每次住院计" : "起付线每次就诊计",
  };
}
