"use client";
import { useState } from "react";
import { adminFetch } from "./api";
import { adminQuestionApiPath } from "@/lib/urls";

/**
 * 相似问法: other ways readers ask the question, one a line. Search reads them almost like the title, so
 * a reader who asks "外地住院回来怎么报销" finds "住院了在外省怎么报？". Saved on its own, not with the answer:
 * they belong to the question, whoever answers it.
 */
export function AliasesEditor({ slug, initial }: { slug: string; initial: string[] }) {
  const [text, setText] = useState(initial.join("\n"));
  const [status, setStatus] = useState<{ text: string; kind: "saved" | "notice" } | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    const aliases = text.split("\n").map((l) => l.trim()).filter(Boolean);
    const r = await adminFetch<{ aliases: string[] }>(adminQuestionApiPath(slug, "aliases"), { method: "PUT", body: { aliases } });
    setBusy(false);
    if (r.ok) {
      setText(r.data.aliases.join("\n"));
      setStatus({ text: `已保存 ${r.data.aliases.length} 条相似问法，搜索稍后更新。`, kind: "saved" });
    } else setStatus({ text: r.message, kind: "notice" });
  };

  return (
    <section className="aliases-editor" aria-labelledby="aliases-heading">
      <h2 id="aliases-heading">相似问法</h2>
      <p className="meta">读者可能怎么问这个问题，每行一条（最多 20 条）。搜索时和标题几乎同等看待。</p>
      <label htmlFor="aliases-text" className="visually-hidden">相似问法（每行一条）</label>
      <textarea id="aliases-text" rows={Math.max(3, Math.min(10, text.split("\n").length + 1))} value={text} onChange={(e) => { setText(e.target.value); setStatus(null); }} />
      <p>
        <button type="button" className="button" onClick={() => void save()} disabled={busy}>
          保存相似问法
        </button>{" "}
        {status ? <span role="status" className={status.kind === "saved" ? "saved" : "notice"}>{status.text}</span> : null}
      </p>
    </section>
  );
}
