// What callers are told about a policy: enough to cite it and to build the widget's choices,
// without the rate tables. Used by GET /api/calculators/policies and in every estimate.
import { regionLabel } from "../../regions/index.ts";
import {
  deliverySchema,
  FACILITY_LEVELS,
  type Delivery,
  type FacilityLevel,
  type Insurance,
  type Policy,
  type PolicySource,
  type Scheme,
} from "./policy-schema.ts";

export type PolicySummary = {
  id: string;
  title: string;
  region: string;
  regionName: string;
  year: number;
  insurance: Insurance;
  scheme: Scheme;
  effective: { from: string; to: string };
  illustrative: boolean;
  note: string | undefined;
  sources: PolicySource[];
  /** Facility levels the policy pays at. */
  levels: FacilityLevel[];
  /** Maternity only: delivery types with a fixed amount. */
  deliveries: Delivery[];
};

export function summarizePolicy(policy: Policy): PolicySummary {
  return {
    id: policy.id,
    title: policy.title,
    region: policy.region,
    regionName: regionLabel(policy.region),
    year: policy.year,
    insurance: policy.insurance,
    scheme: policy.scheme,
    effective: policy.effective,
    illustrative: policy.illustrative,
    note: policy.note,
    sources: policy.sources,
    levels: coveredLevels(policy),
    deliveries: coveredDeliveries(policy),
  };
}

export function coveredLevels(policy: Policy): FacilityLevel[] {
  if (policy.scheme !== "maternity") return FACILITY_LEVELS.filter((level) => policy.levels[level] !== undefined);
  const amounts = Object.values(policy.maternity.fixedAmounts);
  return FACILITY_LEVELS.filter((level) => amounts.some((byLevel) => byLevel?.[level] !== undefined));
}

function coveredDeliveries(policy: Policy): Delivery[] {
  if (policy.scheme !== "maternity") return [];
  return deliverySchema.options.filter((delivery) => policy.maternity.fixedAmounts[delivery] !== undefined);
}

/** Sorted by region, then year, insurance, scheme: a stable order for listings. */
export function listPolicies(policies: readonly Policy[]): PolicySummary[] {
  return [...policies]
    .sort((a, b) => a.region.localeCompare(b.region) || a.year - b.year || a.id.localeCompare(b.id))
    .map(summarizePolicy);
}
