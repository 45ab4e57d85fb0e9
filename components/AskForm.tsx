"use client";
// The ask form: on the zero-result search page, under weak results and on unanswered question pages.
// While the reader types, questions that may already answer theirs are offered. Works with the keyboard
// (labels, native selects, visible focus) and on phones (full-width fields, 16 px text, no zoom).
import { useEffect, useId, useState } from "react";
import { API_PATHS, questionPath, suggestApiPath } from "@/lib/urls";
import { sendClick } from "./beacon";

type Province = { code: string; name: string; cities: { code: string; name: string }[] };
type Suggestion = { slug: string; title: string };

export function AskForm({ provinces, defaultTitle = "", defaultRegion = "", heading = "没找到答案？向顾问提问" }: { provinces: Province[]; defaultTitle?: string; defaultRegion?: string; heading?: string }) {
  const id = useId();
  const initialProvince = defaultRegion && defaultRegion !== "000000" ? `${defaultRegion.slice(0, 2)}0000` : "";
  const [title, setTitle] = useState(defaultTitle);
  const [question, setQuestion] = useState("");
  const [province, setProvince] = useState(initialProvince);
  const [city, setCity] = useState(defaultRegion && defaultRegion.endsWith("00") && !defaultRegion.endsWith("0000") ? defaultRegion : "");
  const [insurance, setInsurance] = useState("");
  const [website, setWebsite] = useState("");
  const [similar, setSimilar] = useState<{ queryId?: string; items: Suggestion[] }>({ items: [] });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ followUrl: string; masked: string[] } | null>(null);

  useEffect(() => {
    const q = title.trim();
    if (q.length < 2) {
      setSimilar({ items: [] });
      return;
    }
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      fetch(suggestApiPath(q), { signal: ctrl.signal })
        .then((r) => (r.ok ? r.json() : { suggestions: [] }))
        .then((d: { suggestions: Suggestion[]; queryId?: string }) => setSimilar({ queryId: d.queryId, items: d.suggestions.slice(0, 5) }))
        .catch(() => {});
    }, 300);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [title]);

  const cities = provinces.find((p) => p.code === province)?.cities ?? [];

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(API_PATHS.questions, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ title, question: question || undefined, region: city || province || undefined, insurance: insurance || undefined, website }),
      });
      const data = (await res.json().catch(() => ({}))) as { followUrl?: string; masked?: string[]; message?: string };
      if (res.ok && data.followUrl) setDone({ followUrl: data.followUrl, masked: data.masked ?? [] });
      else setError(data.message ?? "提交没有成功，请稍后再试。");
    } catch {
      setError("网络连接失败，请检查网络后重试。");
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    const href = new URL(done.followUrl, window.location.href).toString();
    return (
      <section className="ask" aria-labelledby={`${id}-h`}>
        <h2 id={`${id}-h`}>问题已提交</h2>
        <div role="status" className="notice">
          <p>审核通过后，问题会交给顾问解答。这是只属于你的查看链接（无需注册），请收藏或复制保存：</p>
          <p>
            <a href={done.followUrl} className="follow-link">
              {href}
            </a>
          </p>
          {done.masked.length ? <p>为保护你的隐私，问题中的{done.masked.join("、")}已在保存前隐去。</p> : null}
        </div>
      </section>
    );
  }

  return (
    <section className="ask" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{heading}</h2>
      <form onSubmit={submit} noValidate={false}>
        <label htmlFor={`${id}-title`}>你的问题</label>
        <input id={`${id}-title`} name="title" value={title} onChange={(e) => setTitle(e.target.value)} required minLength={5} maxLength={60} placeholder="例如：深圳职工医保住院报销比例是多少？" autoComplete="off" aria-describedby={`${id}-similar`} />
        <div id={`${id}-similar`} aria-live="polite">
          {similar.items.length ? (
            <div className="similar">
              <p className="meta">这些问题可能已有解答：</p>
              <ul>
                {similar.items.map((s, i) => (
                  <li key={s.slug}>
                    <a href={questionPath(s.slug)} onClick={() => similar.queryId && sendClick({ queryId: similar.queryId, slug: s.slug, position: i + 1, q: title.trim() })}>
                      {s.title}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
        <label htmlFor={`${id}-question`}>补充说明（选填）</label>
        <textarea id={`${id}-question`} name="question" value={question} onChange={(e) => setQuestion(e.target.value)} maxLength={2000} rows={4} placeholder="参保类型、就医地、费用等情况，越具体越好" />
        <div className="ask-row">
          <div>
            <label htmlFor={`${id}-province`}>参保地（省）</label>
            <select
              id={`${id}-province`}
              value={province}
              onChange={(e) => {
                setProvince(e.target.value);
                setCity("");
              }}
            >
              <option value="">全国 / 不确定</option>
              {provinces.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-city`}>城市</label>
            <select id={`${id}-city`} value={city} onChange={(e) => setCity(e.target.value)} disabled={!cities.length}>
              <option value="">{cities.length ? "全省 / 不确定" : "—"}</option>
              {cities.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-insurance`}>险种</label>
            <select id={`${id}-insurance`} value={insurance} onChange={(e) => setInsurance(e.target.value)}>
              <option value="">不确定</option>
              <option value="employee">职工医保</option>
              <option value="resident">城乡居民医保</option>
            </select>
          </div>
        </div>
        {/* For bots only: people never see or reach this field. */}
        <div className="hp" aria-hidden="true">
          <label htmlFor={`${id}-website`}>网址</label>
          <input id={`${id}-website`} name="website" tabIndex={-1} autoComplete="off" value={website} onChange={(e) => setWebsite(e.target.value)} />
        </div>
        <p className="meta">为保护隐私，身份证号、手机号、银行卡号和“我叫…”后的姓名会在保存前自动隐去；请不要填写其他个人信息。问题经审核后公开。</p>
        {error ? (
          <p className="notice" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={busy}>
          {busy ? "正在提交…" : "提交问题"}
        </button>
      </form>
    </section>
  );
}
