"use client";
import { markdown } from "@codemirror/lang-markdown";
import { EditorView } from "@codemirror/view";
import CodeMirror from "@uiw/react-codemirror";
import { useCallback, useEffect, useRef, useState } from "react";
import { CalculatorWidget } from "../calculator/CalculatorWidget";
import { adminFetch } from "./api";
import { CHINA_TIME_LABEL, chinaTime } from "@/lib/domain/dates";
import { API_PATHS, adminQuestionApiPath } from "@/lib/urls";

type PreviewPart =
  | { kind: "html"; html: string }
  | { kind: "calculator"; calculator: { ok: true; config: Parameters<typeof CalculatorWidget>[0]["config"]; state: Parameters<typeof CalculatorWidget>[0]["initialState"]; outcome: Parameters<typeof CalculatorWidget>[0]["initialOutcome"] } | { ok: false; message: string } };

// The source pane: Markdown highlighting, soft-wrapped lines (Chinese has no spaces to wrap at), and an
// accessible name for screen readers and tests.
const EXTENSIONS = [markdown(), EditorView.lineWrapping, EditorView.contentAttributes.of({ "aria-label": "解答（Markdown）" })];

type Citation = { title: string; article?: string; number?: string; url?: string };
type Props = {
  slug: string;
  initialBody: string;
  initialCitations: Citation[];
  baseRevisionId: number | null;
  /** The server's version of the draft shown (null: none saved yet). */
  draftVersion: number | null;
  calculators: { label: string; directive: string }[];
  pendingReview: boolean;
};

const AUTOSAVE_MS = 2500;

/**
 * The Markdown source of one answer with a live preview (rendered on the server by the public page's
 * pipeline and sanitiser), structured 法律依据, and autosave: a few seconds after typing stops and on
 * blur. A save over a revision published meanwhile is refused by the server; both texts are shown.
 */
export function AnswerEditor(p: Props) {
  const [body, setBody] = useState(p.initialBody);
  const [citations, setCitations] = useState<Citation[]>(p.initialCitations);
  const [preview, setPreview] = useState<PreviewPart[]>([]);
  const [status, setStatus] = useState<{ text: string; kind: "saved" | "notice" } | null>(null);
  const [conflict, setConflict] = useState<{ theirs: string } | null>(null);
  const [submitted, setSubmitted] = useState(p.pendingReview);
  const base = useRef(p.baseRevisionId);
  // The draft version this tab last saved or loaded: its submission names it, so a newer save from
  // another tab is never submitted in its place (the server answers 409 instead).
  const savedVersion = useRef(p.draftVersion);
  const dirty = useRef(false);
  // Bumped by every change: a save that returns after a newer change does not claim to have saved it.
  const version = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const view = useRef<EditorView | null>(null);

  const save = useCallback(async () => {
    if (!dirty.current) return true;
    dirty.current = false;
    const saving = version.current;
    const cleaned = citations.filter((c) => c.title.trim()).map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v && String(v).trim())) as Citation);
    const r = await adminFetch<{ savedAt: string; version: number }>(adminQuestionApiPath(p.slug, "draft"), { method: "PUT", body: { body, citations: cleaned, baseRevisionId: base.current } });
    if (r.ok) {
      savedVersion.current = r.data.version;
      if (version.current === saving) setStatus({ text: `草稿已保存（${CHINA_TIME_LABEL} ${chinaTime(r.data.savedAt)}）`, kind: "saved" });
      return true;
    }
    dirty.current = true;
    if (r.status === 409 && typeof r.data.theirs === "string") setConflict({ theirs: r.data.theirs });
    setStatus({ text: r.message, kind: "notice" });
    return false;
  }, [body, citations, p.slug]);

  // Autosave a few seconds after the last change; the preview follows a little sooner.
  useEffect(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
    const t = setTimeout(async () => {
      const r = await adminFetch<{ parts: PreviewPart[] }>(API_PATHS.adminPreview, { method: "POST", body: { body } });
      if (r.ok) setPreview(r.data.parts);
    }, 400);
    return () => clearTimeout(t);
  }, [body, citations, save]);

  const touched = () => {
    dirty.current = true;
    version.current++;
    setStatus({ text: "有未保存的修改…", kind: "notice" });
  };
  const change = (next: string) => {
    touched();
    setBody(next);
  };

  // Leaving with unsaved text: save now, and let the browser ask.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (!dirty.current) return;
      void save();
      e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [save]);
  const insert = (text: string) => {
    const v = view.current;
    if (!v) return change(`${body}${body && !body.endsWith("\n") ? "\n" : ""}${text}\n`);
    // Directives stand on a line of their own.
    const at = v.state.selection.main.head;
    const before = at > 0 && v.state.doc.sliceString(at - 1, at) !== "\n" ? "\n" : "";
    v.dispatch(v.state.replaceSelection(`${before}${text}\n`));
    v.focus();
  };
  // Bold wraps the selection (or a placeholder word, selected so typing replaces it).
  const bold = () => {
    const v = view.current;
    if (!v) return;
    const { from, to } = v.state.selection.main;
    const text = from === to ? "重点" : v.state.sliceDoc(from, to);
    v.dispatch({ changes: { from, to, insert: `**${text}**` }, selection: { anchor: from + 2, head: from + 2 + text.length } });
    v.focus();
  };
  // A list item: "- " before every selected line (or the current one) that is not one already.
  const list = () => {
    const v = view.current;
    if (!v) return;
    const { from, to } = v.state.selection.main;
    const changes = [];
    for (let pos = v.state.doc.lineAt(from).from; pos <= to; ) {
      const line = v.state.doc.lineAt(pos);
      if (!/^\s*([-*+]|\d+[.)])\s/.test(line.text)) changes.push({ from: line.from, insert: "- " });
      if (line.to + 1 > v.state.doc.length) break;
      pos = line.to + 1;
    }
    v.dispatch({ changes });
    v.focus();
  };
  const setCitation = (i: number, field: keyof Citation, value: string) => {
    touched();
    setCitations((cs) => cs.map((c, j) => (j === i ? { ...c, [field]: value } : c)));
  };

  return (
    <div className="editor">
      <div className="editor-panes">
        <section aria-label="编辑解答">
          <div className="toolbar" role="toolbar" aria-label="插入">
            <button type="button" className="button secondary" onClick={bold} disabled={submitted}>
              加粗
            </button>
            <button type="button" className="button secondary" onClick={list} disabled={submitted}>
              列表
            </button>
            {p.calculators.length ? (
              <label>
                插入计算器
                <select
                  value=""
                  disabled={submitted}
                  onChange={(e) => {
                    if (!e.target.value) return;
                    insert(e.target.value);
                    setStatus({ text: `已插入计算器：${e.target.selectedOptions[0]?.textContent ?? ""}`, kind: "notice" });
                  }}
                >
                  <option value="">选择政策…</option>
                  {p.calculators.map((c) => (
                    <option key={c.directive} value={c.directive}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
          </div>
          <div className="source" onBlur={() => void save()}>
            <CodeMirror
              value={body}
              onChange={change}
              editable={!submitted}
              placeholder="在这里用 Markdown 写解答：先给结论，再写依据和办理方式。草稿会自动保存，只有你能看到。"
              // Tab moves focus on, as everywhere else on the page; indentation is rarely needed in prose.
              indentWithTab={false}
              onCreateEditor={(v) => {
                view.current = v;
              }}
              extensions={EXTENSIONS}
              basicSetup={{ lineNumbers: false, foldGutter: false, highlightActiveLine: false }}
              minHeight="22rem"
            />
          </div>
          <fieldset className="citations-editor" disabled={submitted}>
            <legend>法律依据</legend>
            {citations.map((c, i) => (
              <div className="citation-row" key={i}>
                <input aria-label="文件名称" placeholder="文件名称，如 中华人民共和国社会保险法" value={c.title} onChange={(e) => setCitation(i, "title", e.target.value)} />
                <input aria-label="条款" placeholder="条款，如 第二十九条" value={c.article ?? ""} onChange={(e) => setCitation(i, "article", e.target.value)} />
                <input aria-label="文号" placeholder="文号" value={c.number ?? ""} onChange={(e) => setCitation(i, "number", e.target.value)} />
                <input aria-label="官方原文链接" placeholder="官方原文链接 https://…" value={c.url ?? ""} onChange={(e) => setCitation(i, "url", e.target.value)} />
                <button type="button" className="button secondary" onClick={() => { touched(); setCitations((cs) => cs.filter((_, j) => j !== i)); }}>
                  删除
                </button>
              </div>
            ))}
            <button type="button" className="button secondary" onClick={() => setCitations((cs) => [...cs, { title: "" }])}>
              添加一条依据
            </button>
          </fieldset>
        </section>
        <section aria-label="预览" className="preview">
          <h2>预览</h2>
          <div className="answer-body">
            {preview.length === 0 ? <p className="meta">开始写解答后，这里显示读者将看到的样子。</p> : null}
            {preview.map((part, i) =>
              part.kind === "html" ? (
                <div key={i} className="answer-html" dangerouslySetInnerHTML={{ __html: part.html }} />
              ) : part.calculator.ok ? (
                // Keyed by its settings: a changed directive draws a new calculator.
                <CalculatorWidget key={`${i}:${JSON.stringify(part.calculator.state)}`} config={part.calculator.config} initialState={part.calculator.state} initialOutcome={part.calculator.outcome} />
              ) : (
                <p key={i} className="notice" role="note">
                  报销计算器：{part.calculator.message}
                </p>
              ),
            )}
          </div>
        </section>
      </div>
      {submitted ? (
        <p className="notice" role="note">
          已提交审核：审核结束前不能修改。审核人退回后可以继续修改再提交。
        </p>
      ) : null}
      {conflict ? (
        <div className="notice" role="alert">
          <p>这个解答在你编辑期间发布了新版本。你的文字仍在编辑框里；新发布的版本是：</p>
          <pre className="theirs">{conflict.theirs}</pre>
        </div>
      ) : null}
      <div className="row">
        <button type="button" className="button secondary" disabled={submitted} onClick={() => { touched(); void save(); }}>
          保存草稿
        </button>
        <button
          type="button"
          disabled={submitted}
          onClick={async () => {
            if (!(await save())) return;
            const r = await adminFetch<{ reviewId: number }>(adminQuestionApiPath(p.slug, "draft/submit"), {
              method: "POST",
              body: savedVersion.current === null ? {} : { baseDraftVersion: savedVersion.current },
            });
            if (r.ok) {
              setSubmitted(true);
              setStatus({ text: "已提交审核，审核人批准后即会发布。", kind: "saved" });
            } else setStatus({ text: r.message, kind: "notice" });
          }}
        >
          {submitted ? "已提交审核" : "提交审核"}
        </button>
        {status ? (
          <span className={status.kind} role="status">
            {status.text}
          </span>
        ) : null}
      </div>
    </div>
  );
}
