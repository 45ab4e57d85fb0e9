// Server side of the widget: what a policy offers (levels, persons, inputs that matter), with Chinese
// labels, and the first result, computed before the page is sent so it shows without waiting for the API.
import { isCalculatorError } from "../engine/errors.ts";
import { estimate, toYuan } from "../engine/estimate.ts";
import { fieldErrorsOfRefusal } from "../engine/estimate-request.ts";
import { deliverySchema, type Person, type Policy } from "../engine/policy-schema.ts";
import { checkMarkText } from "../engine/policy-checks.ts";
import { policyStatus } from "../engine/policy-status.ts";
import { summarizePolicy } from "../engine/policy-summary.ts";
import {
  DELIVERY_LABELS,
  FILING_LABELS,
  INSURANCE_LABELS,
  LEVEL_LABELS,
  PERSON_LABELS,
  SCHEME_LABELS,
  SOURCE_STATUS_LABELS,
} from "../engine/labels.ts";
import { toEstimateRequest, type CalculatorConfig, type Outcome, type WidgetState } from "./widget-state.ts";
import { calculatorPath } from "../../urls.ts";

const PERSONS_BY_INSURANCE: Record<Policy["insurance"], Person[]> = {
  employee: ["active", "retired"],
  resident: ["resident"],
};

function fieldsOf(policy: Policy): CalculatorConfig["fields"] {
  if (policy.scheme === "maternity") {
    return {
      selfPaid: policy.maternity.limitedTo === "eligible",
      classB: false,
      fundPaid: false,
      deductibleMet: false,
      admissionsBefore: false,
      layerBase: [],
    };
  }
  const hasYearCap = [...policy.caps, ...Object.values(policy.levels).flatMap((rule) => rule?.caps ?? [])].some(
    (cap) => cap.per === "year",
  );
  return {
    selfPaid: true,
    classB: policy.classBSelfShare !== undefined && policy.classBSelfShare > 0,
    fundPaid: hasYearCap,
    deductibleMet: policy.deductibleBasis.per === "year",
    admissionsBefore: policy.deductibleBasis.per === "admission",
    layerBase: policy.layers.map((layer) => layer.name),
  };
}

export function buildCalculatorConfig(policies: readonly Policy[], policy: Policy, today: string): CalculatorConfig {
  const summary = summarizePolicy(policy);
  const firstSource = policy.sources[0];
  return {
    key: { region: policy.region, year: policy.year, insurance: policy.insurance, scheme: policy.scheme },
    policy: {
      id: policy.id,
      title: policy.title,
      regionName: summary.regionName,
      effective: policy.effective,
      illustrative: policy.illustrative,
      note: policy.note,
      sources: policy.sources.map((source) => ({ ...source, statusLabel: SOURCE_STATUS_LABELS[source.status] })),
      verificationLabel: SOURCE_STATUS_LABELS[firstSource?.status ?? "unverified"],
      checked: checkMarkText(policy),
      schemeLabel: SCHEME_LABELS[policy.scheme],
      insuranceLabel: INSURANCE_LABELS[policy.insurance],
    },
    options: {
      levels: summary.levels.map((value) => ({ value, label: LEVEL_LABELS[value] })),
      persons: PERSONS_BY_INSURANCE[policy.insurance].map((value) => ({ value, label: PERSON_LABELS[value] })),
      filings: (Object.keys(FILING_LABELS) as (keyof typeof FILING_LABELS)[]).map((value) => ({ value, label: FILING_LABELS[value] })),
      deliveries: deliverySchema.options
        .filter((value) => summary.deliveries.includes(value))
        .map((value) => ({ value, label: DELIVERY_LABELS[value] })),
    },
    fields: fieldsOf(policy),
    status: policyStatus(policies, policy, today),
    url: calculatorPath(policy.id),
  };
}

/** The estimate for a state, as the API would answer it, for the server-rendered first view. */
export function estimateOutcome(policies: readonly Policy[], config: CalculatorConfig, state: WidgetState): Outcome {
  const request = toEstimateRequest(config, state);
  if (!request.ok) return { kind: "error", message: "请检查输入。", fields: request.fields };
  try {
    return { kind: "ok", view: toYuan(estimate(policies, request.body)) };
  } catch (error) {
    if (!isCalculatorError(error)) throw error;
    return { kind: "error", message: error.message, fields: fieldErrorsOfRefusal(error) };
  }
}
