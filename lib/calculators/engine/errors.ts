// The one error type the calculator throws. The HTTP layer maps codes to status codes
// (invalid_* → 422, policy_not_found → 404); the message is Chinese and safe to show to a user.

export type CalculatorErrorCode =
  | "invalid_input" // a field is missing or not one of the allowed values
  | "invalid_amounts" // negative, more than 2 decimals, or parts that exceed the total
  | "policy_not_found" // no policy for this region / year / insurance / scheme
  | "person_not_covered" // the policy has no ratio for this person status
  | "offsite_rule_missing"; // 异地 care the policy file has no rule for

export class CalculatorError extends Error {
  readonly code: CalculatorErrorCode;
  /** Machine-readable extras, e.g. { availableYears: [2025] } for policy_not_found. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: CalculatorErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = "CalculatorError";
    this.code = code;
    this.details = details;
  }
}

export function isCalculatorError(error: unknown): error is CalculatorError {
  return error instanceof CalculatorError;
}
