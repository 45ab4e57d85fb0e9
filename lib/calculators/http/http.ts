// Request → Response for the calculator API, with web-standard Request/Response only, so the route
// handlers in app/api/calculators stay one line each and these can be tested without a server.
// Bad input is always a 4xx with field errors; only a broken engine or unreadable policy files are 5xx.
import "server-only";
import { z } from "zod";
import { isCalculatorError, type CalculatorError } from "../engine/errors.ts";
import { estimate, toYuan } from "../engine/estimate.ts";
import {
  chineseIssueMessage,
  fieldErrorsOf,
  fieldErrorsOfRefusal,
  parseEstimateRequest,
  summarizeFieldErrors,
  type FieldErrors,
} from "../engine/estimate-request.ts";
import { insuranceSchema, schemeSchema, type Policy } from "../engine/policy-schema.ts";
import { policyStatus } from "../engine/policy-status.ts";
import { todayInChina } from "../../domain/dates.ts";
import { summarizePolicy } from "../engine/policy-summary.ts";
import { getPolicies } from "../policies/server-policies.ts";
import { calculatorPath } from "../../urls.ts";
import { AppError } from "../../domain/errors.ts";
import { BODY_LIMITS, readBodyText } from "../../http/body.ts";

export type HttpDeps = {
  policies: () => Promise<Policy[]>;
  /** "YYYY-MM-DD"; tests pin it, production uses today's date in China. */
  today: () => string;
};

const defaultDeps: HttpDeps = { policies: getPolicies, today: () => todayInChina() };


type ErrorBody = { error: string; message: string; fields?: FieldErrors; [extra: string]: unknown };

/** The API's one error shape (docs/API.md): per-field messages as `[{ path, message }]`, "ytd.fundPaid" → ["ytd", "fundPaid"]. */
function fail(status: number, { fields, ...body }: ErrorBody): Response {
  const list = fields ? Object.entries(fields).flatMap(([key, messages]) => messages.map((message) => ({ path: key.split("."), message }))) : undefined;
  return Response.json({ ...body, ...(list ? { fields: list } : {}) }, { status });
}

async function loadOr503(deps: HttpDeps): Promise<Policy[] | Response> {
  try {
    return await deps.policies();
  } catch (error) {
    console.error("calculator policies failed to load:", error instanceof Error ? error.message : error);
    return fail(503, { error: "policies_unavailable", message: "政策数据暂时无法加载，请稍后再试。" });
  }
}

async function readJson(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  // A body far larger than any estimate is refused before it is parsed (lib/http/body.ts).
  let text: string;
  try {
    text = await readBodyText(request, BODY_LIMITS.estimate);
  } catch (e) {
    const message = e instanceof AppError ? e.message : "请求体无法读取。";
    return { ok: false, response: fail(e instanceof AppError && e.code === "too_large" ? 413 : 400, { error: e instanceof AppError ? e.code : "invalid", message, fields: { body: [message] } }) };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    const message = "请求体不是有效的 JSON。";
    return { ok: false, response: fail(400, { error: "invalid_json", message, fields: { body: [message] } }) };
  }
}

function calculatorFailure(error: CalculatorError): Response {
  const status = error.code === "policy_not_found" ? 404 : error.code === "invalid_input" || error.code === "invalid_amounts" ? 400 : 422;
  const extra = error.code === "policy_not_found" ? { availableYears: error.details.availableYears } : {};
  return fail(status, { error: error.code, message: error.message, fields: fieldErrorsOfRefusal(error), ...extra });
}

// POST /api/calculators/estimate — how a bill splits between the funds and the patient, in yuan.
export async function postEstimate(request: Request, deps: HttpDeps = defaultDeps): Promise<Response> {
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const parsed = parseEstimateRequest(body.value);
  if (!parsed.ok) return fail(400, { error: "invalid_input", message: parsed.message, fields: parsed.fields });

  const policies = await loadOr503(deps);
  if (policies instanceof Response) return policies;
  try {
    const view = toYuan(estimate(policies, parsed.input));
    const policy = policies.find((p) => p.id === view.policy.id);
    const status = policy ? policyStatus(policies, policy, deps.today()) : undefined;
    return Response.json({ ...view, policy: { ...view.policy, status } });
  } catch (error) {
    if (isCalculatorError(error)) return calculatorFailure(error);
    console.error("calculator estimate failed:", error);
    return fail(500, { error: "internal_error", message: "计算出错了，请稍后再试。" });
  }
}

export const policyFilterSchema = z
  .object({
    region: z.string().regex(/^\d{6}$/, "地区须为六位行政区划代码，如 520500").optional(),
    year: z.coerce.number().int("年份必须是整数").min(1998).max(2100).optional(),
    insurance: insuranceSchema.optional(),
    scheme: schemeSchema.optional(),
  })
  .strict();
export type PolicyFilter = z.infer<typeof policyFilterSchema>;

export function matchesFilter(policy: Policy, filter: PolicyFilter): boolean {
  return (
    (filter.region === undefined || policy.region === filter.region) &&
    (filter.year === undefined || policy.year === filter.year) &&
    (filter.insurance === undefined || policy.insurance === filter.insurance) &&
    (filter.scheme === undefined || policy.scheme === filter.scheme)
  );
}

// GET /api/calculators/policies?region=&year=&insurance=&scheme= — the policies the calculator knows.
export async function getPolicyList(request: Request, deps: HttpDeps = defaultDeps): Promise<Response> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filter = policyFilterSchema.safeParse(params, { error: chineseIssueMessage });
  if (!filter.success) {
    const fields = fieldErrorsOf(filter.error);
    return fail(400, { error: "invalid_parameters", message: summarizeFieldErrors(fields), fields });
  }
  const policies = await loadOr503(deps);
  if (policies instanceof Response) return policies;
  const today = deps.today();
  const listed = policies
    .filter((policy) => matchesFilter(policy, filter.data))
    .sort((a, b) => a.region.localeCompare(b.region) || a.year - b.year || a.id.localeCompare(b.id))
    .map((policy) => ({
      ...summarizePolicy(policy),
      status: policyStatus(policies, policy, today),
      checked: policy.checked ?? null,
      url: calculatorPath(policy.id),
    }));
  return Response.json({ today, policies: listed });
}
