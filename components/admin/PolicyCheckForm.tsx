"use client";
// A reviewer records what the official document says of a policy's figures.
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { adminFetch } from "./api";

type Outcome = "verified" | "unverified" | "illustrative";
const OUTCOMES: { value: Outcome; label: string }[] = [
  { value: "verified", label: "与官方文件一致（已核实）" },
  { value: "unverified", label: "未能核实，或与官方文件不一致" },
  { value: "illustrative", label: "示意数据（不是官方标准）" },
];

export function PolicyCheckForm({ policyId, today, source }: { policyId: string; today: string; source?: { title?: string; publisher?: string; number?: string; date?: string; url?: string } }) {
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
    const r = await adminFetch<{ checkedOn: string }>(`/api/admin/policies/${encodeURIComponent(policyId)}/checks`, { method: "POST", body: { outcome, ...fields } });
    setBusy(false);
    if (r.ok) {
      setErrors({});
      setMessage({ ok: true, text: `已记录（核实日期 ${r.data.checkedOn}），计算器和地区页面已更新。` });
      router.refresh();
      return;
    }
    const byField: Record<string, string> = {};
    for (const f of (r.data.fields as { path: string[]; message: string }[] | undefined) ?? []) byField[f.path[0] ?? ""] ??= f.message;
    setErrors(byField);
    setMessage({ ok: false, text: r.message });
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
    <form className="admin-form" onSubmit={submit} noValidate aria-label="记录核实结果">
      <fieldset>
        <legend>核实结果</legend>
        {OUTCOMES.map((o) => (
          <label key={o.value} className="radio">
            <input type="radio" name={`${id}-outcome`} value={o.value} checked={outcome === o.value} onChange={() => setOutcome(o.value)} /> {o.label}
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
        {busy ? "正在保存…" : "记录核实结果"}
      </button>
      {message ? (
        <p className={message.ok ? "meta" : "notice"} role={message.ok ? "status" : "alert"}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
