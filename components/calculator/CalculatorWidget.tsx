"use client";
// The interactive reimbursement calculator. It never runs the engine itself: the server renders the
// first result, and every change asks POST /api/calculators/estimate (debounced), so the browser bundle
// carries neither the policy tables nor the region list. Only type imports and widget-state.ts (which
// has no runtime imports) come from lib/calculators.
import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { EstimateView } from "@/lib/calculators/engine/estimate";
import type { FieldErrors } from "@/lib/calculators/engine/estimate-request";
import {
  defaultState,
  hasYearToDate,
  toEstimateRequest,
  toSearchParams,
  type CalculatorConfig,
  type Outcome,
  type WidgetState,
} from "@/lib/calculators/widget/widget-state";
import { PolicyFacts, PolicyNotices } from "./PolicyFacts";
import { ResultPanel } from "./ResultPanel";
import { API_PATHS } from "@/lib/urls";

const DEBOUNCE_MS = 250;
const ENDPOINT = API_PATHS.calculatorEstimate;

type Props = {
  config: CalculatorConfig;
  initialState: WidgetState;
  initialOutcome: Outcome;
  /** The standalone page keeps the form in its URL so a result can be shared; an embed does not. */
  syncUrl?: boolean;
  headingLevel?: 2 | 3;
  heading?: string;
};

type ApiError = { message?: unknown; fields?: unknown };

function isEstimateView(value: unknown): value is EstimateView {
  return typeof value === "object" && value !== null && typeof (value as { fund?: unknown }).fund === "number";
}

/** The API's `fields: [{ path, message }]` as messages per field name ("ytd.fundPaid"). */
function toFieldErrors(value: unknown): FieldErrors {
  if (!Array.isArray(value)) return {};
  // No prototype: a field named "__proto__" or "constructor" is a field like any other.
  const fields: FieldErrors = Object.create(null);
  for (const f of value as { path?: unknown; message?: unknown }[]) {
    if (!Array.isArray(f?.path) || typeof f.message !== "string") continue;
    const key = f.path.join(".");
    // Own keys only: a field named "constructor" must not find Object.prototype's.
    (Object.hasOwn(fields, key) ? fields[key]! : (fields[key] = [])).push(f.message);
  }
  return fields;
}

async function requestEstimate(body: string, signal: AbortSignal): Promise<Outcome> {
  const response = await fetch(ENDPOINT, { method: "POST", headers: { "content-type": "application/json" }, body, signal });
  const json: unknown = await response.json().catch(() => null);
  if (response.ok && isEstimateView(json)) return { kind: "ok", view: json };
  const error = (json ?? {}) as ApiError;
  const message = typeof error.message === "string" ? error.message : "计算服务暂时不可用，请稍后再试。";
  return { kind: "error", message, fields: toFieldErrors(error.fields) };
}

function requestKey(config: CalculatorConfig, state: WidgetState): string | null {
  const request = toEstimateRequest(config, state);
  return request.ok ? JSON.stringify(request.body) : null;
}

/** Sends the form to the API whenever it changes: debounced, and an older answer never overwrites a newer one. */
function useEstimate(config: CalculatorConfig, state: WidgetState, initial: Outcome) {
  const [outcome, setOutcome] = useState<Outcome>(initial);
  const [loading, setLoading] = useState(false);
  // The server already rendered the result for the first state: no request until something changes.
  const [firstKey] = useState(() => requestKey(config, state));
  const shown = useRef<string | null>(firstKey);

  useEffect(() => {
    const request = toEstimateRequest(config, state);
    if (!request.ok) {
      shown.current = null;
      setLoading(false);
      setOutcome({ kind: "error", message: "请检查标出的输入项。", fields: request.fields });
      return;
    }
    const body = JSON.stringify(request.body);
    if (body === shown.current) {
      setLoading(false);
      return;
    }

    const controller = new AbortController();
    setLoading(true);
    const timer = setTimeout(() => {
      requestEstimate(body, controller.signal)
        .then((next) => {
          if (controller.signal.aborted) return;
          shown.current = body;
          setOutcome(next);
        })
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          console.error(error);
          shown.current = null;
          setOutcome({ kind: "error", message: "网络连接出错，请稍后再试。", fields: {} });
        })
        .finally(() => {
          if (!controller.signal.aborted) setLoading(false);
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [config, state]);

  return { outcome, loading };
}

function useUrlSync(enabled: boolean, state: WidgetState, defaults: WidgetState) {
  useEffect(() => {
    if (!enabled) return;
    const query = toSearchParams(state, defaults).toString();
    const next = `${window.location.pathname}${query ? `?${query}` : ""}`;
    if (next !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(null, "", next);
  }, [enabled, state, defaults]);
}

export function CalculatorWidget({ config, initialState, initialOutcome, syncUrl = false, headingLevel = 3, heading }: Props) {
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const [state, setState] = useState<WidgetState>(initialState);
  const defaults = useMemo(() => defaultState(config), [config]);
  const { outcome, loading } = useEstimate(config, state, initialOutcome);
  useUrlSync(syncUrl, state, defaults);
  // Marks the form as live once hydrated: before that, typing would not reach the calculator. Set on
  // the element, not through state: a state change here re-rendered the whole widget right after
  // hydration, work on the main thread of every page that shows a calculator.
  const root = useRef<HTMLElement>(null);
  useEffect(() => {
    root.current?.setAttribute("data-interactive", "true");
  }, []);

  const set = <K extends keyof WidgetState>(key: K) => (value: WidgetState[K]) => setState((s) => ({ ...s, [key]: value }));
  const fieldErrors = outcome.kind === "error" ? outcome.fields : {};
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const title = heading ?? `${config.policy.regionName}${config.key.year}年${config.policy.insuranceLabel}${config.policy.schemeLabel}报销计算器`;
  const shareQuery = toSearchParams(state, defaults).toString();
  const { fields, options } = config;
  const showYtd = fields.fundPaid || fields.deductibleMet || fields.admissionsBefore || fields.layerBase.length > 0;

  return (
    <section className="calc" aria-labelledby={id("title")} data-policy={config.policy.id} ref={root}>
      <Heading id={id("title")} className="calc-title">
        {title}
      </Heading>
      <p className="calc-policy meta">
        适用政策：{config.policy.title}（{config.policy.effective.from} 至 {config.policy.effective.to}）
        <span className={`chip calc-status calc-status-${config.status.verification}`}>{config.policy.verificationLabel}</span>
        {config.policy.checked ? <span className="calc-checked">（{config.policy.checked}）</span> : null}
      </p>
      <PolicyNotices config={config} />

      <form className="calc-form" onSubmit={(e) => e.preventDefault()} aria-label="费用信息" noValidate>
        <SelectField id={id("level")} label="就诊机构" value={state.level} options={options.levels} onChange={set("level")} errors={fieldErrors.level} />
        {options.persons.length > 1 ? (
          <SelectField id={id("person")} label="人员类别" value={state.person} options={options.persons} onChange={set("person")} errors={fieldErrors.person} />
        ) : null}
        {config.key.scheme === "maternity" ? (
          <SelectField
            id={id("delivery")}
            label="分娩或手术类型"
            value={state.delivery ?? ""}
            options={options.deliveries}
            onChange={set("delivery")}
            errors={fieldErrors.delivery}
          />
        ) : null}
        <AmountInput id={id("total")} label="总费用（元）" value={state.total} onChange={set("total")} errors={fieldErrors.total} />
        {fields.selfPaid ? (
          <AmountInput id={id("selfPaid")} label="其中全自费（元）" hint="目录外、超限价等医保不支付的部分；不清楚可留空" value={state.selfPaid} onChange={set("selfPaid")} errors={fieldErrors.selfPaid} />
        ) : null}
        {fields.classB ? (
          <AmountInput id={id("classB")} label="其中乙类项目（元）" hint="乙类药品和项目先按比例自付一部分；不清楚可留空" value={state.classB} onChange={set("classB")} errors={fieldErrors.classB} />
        ) : null}
        <SelectField id={id("filing")} label="就医地" value={state.filing} options={options.filings} onChange={set("filing")} errors={fieldErrors.filing} />

        {showYtd ? (
          <details className="calc-ytd" open={hasYearToDate(initialState)}>
            <summary>今年已报销（可选）</summary>
            <p className="meta">填写本年度此前的累计数，计算器会扣减已用的限额和起付线。</p>
            <div className="calc-ytd-fields">
              {fields.fundPaid ? (
                <AmountInput id={id("fundPaid")} label="本年统筹基金已支付（元）" value={state.fundPaid} onChange={set("fundPaid")} errors={fieldErrors["ytd.fundPaid"]} />
              ) : null}
              {fields.deductibleMet ? (
                <AmountInput id={id("deductibleMet")} label="本年已累计的起付线（元）" value={state.deductibleMet} onChange={set("deductibleMet")} errors={fieldErrors["ytd.deductibleMet"]} />
              ) : null}
              {fields.admissionsBefore ? (
                <TextInput
                  id={id("admissionsBefore")}
                  label="本年此前住院次数"
                  inputMode="numeric"
                  value={state.admissionsBefore}
                  onChange={set("admissionsBefore")}
                  errors={fieldErrors["ytd.admissionsBefore"]}
                />
              ) : null}
              {fields.layerBase.length > 0 ? (
                <AmountInput
                  id={id("layerBase")}
                  label={`本年已计入${fields.layerBase.join("、")}的费用（元）`}
                  value={state.layerBase}
                  onChange={set("layerBase")}
                  errors={fieldErrors["ytd.layerBase"]}
                />
              ) : null}
            </div>
          </details>
        ) : null}
      </form>

      <ResultPanel id={id("result")} outcome={outcome} loading={loading} />
      <PolicyFacts config={config} />
      {!syncUrl ? (
        <p className="calc-share">
          <a href={`${config.url}${shareQuery ? `?${shareQuery}` : ""}`}>在计算器页面打开（可分享这次的计算）</a>
        </p>
      ) : null}
    </section>
  );
}

type FieldProps<T extends string> = {
  id: string;
  label: string;
  value: T;
  onChange: (value: T) => void;
  errors: string[] | undefined;
  hint?: string;
};

function describedBy(id: string, errors: string[] | undefined, hint: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function FieldMessages({ id, errors, hint }: { id: string; errors: string[] | undefined; hint: string | undefined }) {
  return (
    <>
      {hint ? (
        <span id={`${id}-hint`} className="calc-hint">
          {hint}
        </span>
      ) : null}
      {errors?.length ? (
        <span id={`${id}-error`} className="calc-error">
          {[...new Set(errors)].join("；")}
        </span>
      ) : null}
    </>
  );
}

type SelectProps<T extends string> = Omit<FieldProps<T>, "value"> & {
  /** "" when nothing applies yet (a maternity policy without delivery types). */
  value: T | "";
  options: { value: T; label: string }[];
};

function SelectField<T extends string>({ id, label, value, options, onChange, errors, hint }: SelectProps<T>) {
  return (
    <div className="calc-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value as T)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessages id={id} errors={errors} hint={hint} />
    </div>
  );
}

function TextInput({ id, label, value, onChange, errors, hint, inputMode }: FieldProps<string> & { inputMode: "decimal" | "numeric" }) {
  return (
    <div className="calc-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={inputMode}
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
      />
      <FieldMessages id={id} errors={errors} hint={hint} />
    </div>
  );
}

function AmountInput(props: FieldProps<string>) {
  return <TextInput {...props} inputMode="decimal" />;
}

