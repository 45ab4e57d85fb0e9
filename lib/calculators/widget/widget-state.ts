// The calculator widget's form state and its three translations: to the API request, to the page URL
// and back, and to chart segments. Universal and dependency-free on purpose: it has only type imports,
// so the client component can use it without pulling the region tables or node modules into the
// browser bundle (the rest of lib/calculators imports lib/regions).
import type { EstimateLayerView, EstimateView } from "../engine/estimate.ts";
import type { EstimateInput, Filing } from "../engine/estimate-input.ts";
import type { FieldErrors } from "../engine/estimate-request.ts";
import type { PolicyStatus } from "../engine/policy-status.ts";
import type { Delivery, FacilityLevel, Insurance, Person, PolicySource, Scheme } from "../engine/policy-schema.ts";
import { parseAmountText } from "./amount-text.ts";

export type Option<T extends string> = { value: T; label: string };

/** Everything the widget needs to know about one policy, prepared on the server (widget-config.ts). */
export type CalculatorConfig = {
  key: { region: string; year: number; insurance: Insurance; scheme: Scheme };
  policy: {
    id: string;
    title: string;
    regionName: string;
    effective: { from: string; to: string };
    illustrative: boolean;
    note: string | undefined;
    sources: (PolicySource & { statusLabel: string })[];
    verificationLabel: string;
    /** Who checked the figures and when; null when no reviewer has. */
    checked: string | null;
    schemeLabel: string;
    insuranceLabel: string;
  };
  options: {
    levels: Option<FacilityLevel>[];
    persons: Option<Person>[];
    filings: Option<Filing>[];
    deliveries: Option<Delivery>[];
  };
  /** Inputs that change the result under this policy; the others are not shown. */
  fields: {
    selfPaid: boolean;
    classB: boolean;
    fundPaid: boolean;
    deductibleMet: boolean;
    admissionsBefore: boolean;
    /** Names of the further layers (大病保险 …) whose yearly base can be entered. */
    layerBase: string[];
  };
  status: PolicyStatus;
  /** The standalone page of this policy. */
  url: string;
};

/** Amounts are kept as typed, so a half-typed "12." stays on screen and in the URL. */
export type WidgetState = {
  level: FacilityLevel;
  person: Person;
  delivery: Delivery | undefined;
  filing: Filing;
  total: string;
  selfPaid: string;
  classB: string;
  fundPaid: string;
  deductibleMet: string;
  admissionsBefore: string;
  layerBase: string;
};

export type AmountField = "total" | "selfPaid" | "classB" | "fundPaid" | "deductibleMet" | "layerBase";
const AMOUNT_FIELDS: readonly AmountField[] = ["total", "selfPaid", "classB", "fundPaid", "deductibleMet", "layerBase"];

/** What the result area shows: an estimate, or the reasons there is none. */
export type Outcome =
  | { kind: "ok"; view: EstimateView }
  | { kind: "error"; message: string; fields: FieldErrors };

/** The API's request body: the engine's own input type (a type import, so no zod in the browser). */
export type EstimateRequestBody = EstimateInput;

const COUNT_TEXT = /^\d{1,3}$/;

export function defaultTotal(scheme: Scheme): string {
  if (scheme === "inpatient") return "10000";
  if (scheme === "maternity") return "3000";
  return "100";
}

export type StateHints = Partial<Pick<WidgetState, "level" | "person" | "filing" | "delivery" | "total">>;

export function defaultState(config: CalculatorConfig, hints: StateHints = {}): WidgetState {
  const pick = <T extends string>(options: Option<T>[], hint: T | undefined): T | undefined =>
    options.find((o) => o.value === hint)?.value ?? options[0]?.value;
  return {
    level: pick(config.options.levels, hints.level) ?? "level1",
    person: pick(config.options.persons, hints.person) ?? "resident",
    delivery: pick(config.options.deliveries, hints.delivery),
    filing: pick(config.options.filings, hints.filing) ?? "local",
    total: hints.total !== undefined && parseAmountText(hints.total) !== null ? hints.total : defaultTotal(config.key.scheme),
    selfPaid: "",
    classB: "",
    fundPaid: "",
    deductibleMet: "",
    admissionsBefore: "",
    layerBase: "",
  };
}

/** "" → the default; otherwise a number of yuan with at most two decimals, or null when unreadable. */
function readAmount(text: string, fallback: number): number | null {
  if (text.trim() === "") return fallback;
  return parseAmountText(text);
}

const AMOUNT_HINT = "请输入金额（元），如 100、1,000 或 1.5万，最多两位小数";

/**
 * The body for POST /api/calculators/estimate, or the fields that cannot be sent. Only the checks a
 * browser can do without the policy; the API does the rest and answers with its own field errors.
 */
export function toEstimateRequest(
  config: CalculatorConfig,
  state: WidgetState,
): { ok: true; body: EstimateRequestBody } | { ok: false; fields: FieldErrors } {
  const fields: FieldErrors = {};
  const amounts = {} as Record<AmountField, number>;
  for (const field of AMOUNT_FIELDS) {
    const value = readAmount(state[field], 0);
    if (value === null) fields[field === "total" || field === "selfPaid" || field === "classB" ? field : `ytd.${field}`] = [AMOUNT_HINT];
    else amounts[field] = value;
  }
  if (state.total.trim() === "") fields.total = ["请填写总费用"];
  const admissions = state.admissionsBefore.trim();
  if (admissions !== "" && !COUNT_TEXT.test(admissions)) fields["ytd.admissionsBefore"] = ["请输入住院次数（整数）"];
  if (Object.keys(fields).length > 0) return { ok: false, fields };

  const { fields: shown } = config;
  const ytd = {
    ...(shown.fundPaid && amounts.fundPaid > 0 ? { fundPaid: amounts.fundPaid } : {}),
    ...(shown.deductibleMet && amounts.deductibleMet > 0 ? { deductibleMet: amounts.deductibleMet } : {}),
    ...(shown.admissionsBefore && admissions !== "" ? { admissionsBefore: Number(admissions) } : {}),
    ...(shown.layerBase.length > 0 && amounts.layerBase > 0 ? { layerBase: amounts.layerBase } : {}),
  };
  return {
    ok: true,
    body: {
      ...config.key,
      level: state.level,
      person: state.person,
      total: amounts.total,
      ...(shown.selfPaid && amounts.selfPaid > 0 ? { selfPaid: amounts.selfPaid } : {}),
      ...(shown.classB && amounts.classB > 0 ? { classB: amounts.classB } : {}),
      ...(state.filing !== "local" ? { filing: state.filing } : {}),
      ...(config.key.scheme === "maternity" && state.delivery ? { delivery: state.delivery } : {}),
      ...(Object.keys(ytd).length > 0 ? { ytd } : {}),
    },
  };
}

const URL_KEYS = [
  "level",
  "person",
  "delivery",
  "filing",
  "total",
  "selfPaid",
  "classB",
  "fundPaid",
  "deductibleMet",
  "admissionsBefore",
  "layerBase",
] as const satisfies readonly (keyof WidgetState)[];

/** Only what differs from the defaults, so a shared link stays short. */
export function toSearchParams(state: WidgetState, defaults: WidgetState): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of URL_KEYS) {
    const value = state[key];
    if (value !== undefined && value !== "" && value !== defaults[key]) params.set(key, value);
  }
  return params;
}

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** The page URL back into a state; a value that is not valid for this policy falls back to the default. */
export function stateFromSearchParams(config: CalculatorConfig, params: RawSearchParams): WidgetState {
  const read = (key: string): string | undefined => {
    const value = params[key];
    return typeof value === "string" ? value.trim() : undefined;
  };
  const oneOf = <T extends string>(options: Option<T>[], value: string | undefined): T | undefined =>
    options.find((o) => o.value === value)?.value;
  const amount = (key: AmountField, fallback: string): string => {
    const value = read(key);
    return value !== undefined && value.length <= 32 && parseAmountText(value) !== null ? value : fallback;
  };
  const defaults = defaultState(config);
  const admissions = read("admissionsBefore");
  return {
    level: oneOf(config.options.levels, read("level")) ?? defaults.level,
    person: oneOf(config.options.persons, read("person")) ?? defaults.person,
    delivery: oneOf(config.options.deliveries, read("delivery")) ?? defaults.delivery,
    filing: oneOf(config.options.filings, read("filing")) ?? defaults.filing,
    total: amount("total", defaults.total),
    selfPaid: amount("selfPaid", ""),
    classB: amount("classB", ""),
    fundPaid: amount("fundPaid", ""),
    deductibleMet: amount("deductibleMet", ""),
    admissionsBefore: admissions !== undefined && COUNT_TEXT.test(admissions) ? admissions : "",
    layerBase: amount("layerBase", ""),
  };
}

export function hasYearToDate(state: WidgetState): boolean {
  return [state.fundPaid, state.deductibleMet, state.admissionsBefore, state.layerBase].some((v) => v.trim() !== "");
}

/** "1,234.50 元" from a yuan amount that the API already rounded to the fen. */
export function formatYuanView(yuan: number): string {
  const fen = Math.round(yuan * 100);
  const whole = Math.floor(Math.abs(fen) / 100).toLocaleString("en-US");
  return `${fen < 0 ? "-" : ""}${whole}.${String(Math.abs(fen) % 100).padStart(2, "0")} 元`;
}

export type ChartSegment = { key: string; label: string; side: "fund" | "self"; amount: number; percent: number };

/** The fund and self rows of a breakdown as shares of the total: fund layers first, then self. */
export function chartSegments(view: Pick<EstimateView, "total" | "layers">): ChartSegment[] {
  if (view.total <= 0) return [];
  const paying = (layer: EstimateLayerView): layer is EstimateLayerView & { side: "fund" | "self" } =>
    (layer.side === "fund" || layer.side === "self") && layer.amount > 0;
  const rows = view.layers.filter(paying);
  return [...rows.filter((r) => r.side === "fund"), ...rows.filter((r) => r.side === "self")].map((row) => ({
    key: row.key,
    label: row.label,
    side: row.side,
    amount: row.amount,
    percent: (row.amount / view.total) * 100,
  }));
}

/** One sentence for screen readers: the chart's text alternative. */
export function chartSummary(view: Pick<EstimateView, "total" | "fund" | "self">): string {
  if (view.total <= 0) return "总费用为 0，基金与个人均不支付。";
  const share = (part: number) => `${Math.round((part / view.total) * 1000) / 10}%`;
  return `总费用 ${formatYuanView(view.total)}：基金支付 ${formatYuanView(view.fund)}（${share(view.fund)}），个人负担 ${formatYuanView(view.self)}（${share(view.self)}）。`;
}
