"use client";
// A reviewer records what the official document says of some figures: a policy's, or an answer's.
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { adminFetch } from "./api";

type Outcome = "verified" | "unverified" | "illustrative";
const LABELS: Record<Outcome, string> = {
  verified: "与官方文件一致（已核实）",
  unverified: "未能核实，或与官方文件不一致",
  illustrative: "示意数据（不是官方标准）",
};

type Props = {
  /** POST endpoint of the check (an adminRoute taking lib/domain/checks.ts checkInputSchema). */
  endpoint: string;
  outcomes: Outcome[];
  today: string;
  /** Prefills the source fields (the document last checked against). */
  source?: { title?: string; publisher?: string; number?: string; date?: string; url?: string };
  /** Said after a check is recorded. */
  done: string;
  label?: string;
};

export function CheckForm({ endpoint, outcomes, today, source, done, label = "记录核实结果" }: Props) {
  const router = useRouter();
  const id = useId();
  const [outcome, setOutcome] = useState<Outcome>("verified");
  const [fields, setFields] = useState({
    title: source?.title ?? "",
    publisher: source?.publisher ?? "",
    number: source?.number ?? "",
    publishedOn: source?.date ?? "",
    url: source?.url ?? "",
    checkedOn: today,
    note: "",
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof fields) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [k]: e.target.value }));
  const needsSource = outcome === "verified";

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await adminFetch<{ checkedOn: string }>(endpoint, { method: "POST", body: { outcome, ...fields } });
    setBusy(false);
    if (r.ok) {
      setErrors({});
      setMessage({ ok: true, text: `已记录（核实日期 ${r.data.checkedOn}），${done}` });
      router.refresh();
      return;
    }
    const byField: Record<string, string> = {};
    for (const f of (r.data.fields as { path: string[]; message: string }[] | undefined) ?? []) byField[f.path[0] ?? ""] ??= f.message;
    setErrors(byField);
    // Each field says what it lacks beside it; the summary does not repeat them with internal names.
    setMessage({ ok: false, text: Object.keys(byField).length ? "请补全标出的项目。" : r.message });
  };

  const field = (k: keyof typeof fields, label: string, opts: { type?: string; required?: boolean; hint?: string } = {}) => (
    <p className="field">
      <label htmlFor={`${id}-${k}`}>
        {label}
        {opts.required ? "（必填）" : "（选填）"}
      </label>
      <input
        id={`${id}-${k}`}
        type={opts.type ?? "text"}
        value={fields[k]}
        onChange={set(k)}
        aria-invalid={errors[k] ? true : undefined}
        aria-describedby={errors[k] ? `${id}-${k}-error` : undefined}
      />
      {opts.hint ? <span className="meta">{opts.hint}</span> : null}
      {errors[k] ? (
        <span className="field-error" id={`${id}-${k}-error`}>
          {errors[k]}
        </span>
      ) : null}
    </p>
  );

  return (
    <form className="admin-form" onSubmit={submit} noValidate aria-label={label}>
      <fieldset>
        <legend>核实结果</legend>
        {outcomes.map((o) => (
          <label key={o} className="radio">
            <input type="radio" name={`${id}-outcome`} value={o} checked={outcome === o} onChange={() => setOutcome(o)} /> {LABELS[o]}
          </label>
        ))}
      </fieldset>
      {field("title", "官方文件标题", { required: needsSource })}
      {field("publisher", "发布机关", { required: needsSource, hint: "例如 毕节市医疗保障局" })}
      {field("number", "文号")}
      {field("publishedOn", "发布日期", { type: "date", required: needsSource })}
      {field("url", "官方网址", { type: "url", required: needsSource })}
      {field("checkedOn", "核实日期", { type: "date", required: true })}
      <p className="field">
        <label htmlFor={`${id}-note`}>说明{outcome === "unverified" ? "（必填）" : "（选填）"}</label>
        <textarea id={`${id}-note`} value={fields.note} onChange={set("note")} rows={3} maxLength={500} aria-invalid={errors.note ? true : undefined} />
        {errors.note ? <span className="field-error">{errors.note}</span> : null}
      </p>
      <button type="submit" disabled={busy}>
        {busy ? "正在保存…" : label}
      </button>
      {message ? (
        <p className={message.ok ? "meta" : "notice"} role={message.ok ? "status" : "alert"}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
