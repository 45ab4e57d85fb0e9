// Public, universal API of the calculators (safe in server and client code). Loading policy files
// needs node:fs and lives apart in ./load-policies.ts.
export { estimate, parseEstimateInput, toYuan } from "./estimate.ts";
export type { Estimate, EstimateLayer, EstimateLayerView, EstimateView } from "./estimate.ts";
export { estimateInputSchema, filingSchema, ytdSchema } from "./estimate-input.ts";
export type { EstimateInput, Filing, ParsedEstimateInput, YearToDate } from "./estimate-input.ts";
export { CalculatorError, isCalculatorError } from "./errors.ts";
export type { CalculatorErrorCode } from "./errors.ts";
export { findPolicy } from "./find-policy.ts";
export type { PolicyKey } from "./find-policy.ts";
export { listPolicies, summarizePolicy } from "./policy-summary.ts";
export type { PolicySummary } from "./policy-summary.ts";
export {
  defaultPolicyId,
  deliverySchema,
  facilityLevelSchema,
  personSchema,
  policyFileSchema,
  policySchema,
  schemeSchema,
} from "./policy-schema.ts";
export type { Delivery, FacilityLevel, Person, Policy, PolicySource, Scheme } from "./policy-schema.ts";
export { fenToYuan, formatYuan, yuanToFen, type Fen } from "./money.ts";
export * from "./labels.ts";
