"use client";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { adminFetch } from "./api";
import { adminModerationApiPath, questionPath } from "@/lib/urls";

/** Accept, merge into an existing question, or reject a reader's question. */
export function ModerationActions({ slug, similar }: { slug: string; similar: { slug: string; title: string }[] }) {
  const router = useRouter();
  const id = useId();
  const [into, setInto] = useState(similar[0]?.slug ?? "");
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const decide = async (body: Record<string, string>, done: string) => {
    const r = await adminFetch(adminModerationApiPath(slug), { method: "POST", body });
    setMessage(r.ok ? { ok: true, text: done } : { ok: false, text: r.message });
    if (r.ok) router.refresh();
  };
  return (
    <div className="admin-actions">
      <button type="button" onClick={() => decide({ decision: "accept" }, "已接受，问题进入待解答队列。")}>
        接受
      </button>
      <span>
        <label htmlFor={`${id}-into`}>合并到</label>{" "}
        <input id={`${id}-into`} list={`${id}-list`} value={into} onChange={(e) => setInto(e.target.value.trim())} placeholder="已有问题的地址（slug）" />
        <datalist id={`${id}-list`}>
          {similar.map((s) => (
            <option key={s.slug} value={s.slug}>
              {s.title}
            </option>
          ))}
        </datalist>{" "}
        <button type="button" className="secondary" disabled={!into} onClick={() => decide({ decision: "merge", into }, `已合并到 ${into}。`)}>
          合并
        </button>
      </span>
      <span>
        <label htmlFor={`${id}-reason`}>拒绝理由（选填）</label> <input id={`${id}-reason`} value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />{" "}
        <button type="button" className="secondary" onClick={() => decide(reason ? { decision: "reject", reason } : { decision: "reject" }, "已拒绝。")}>
          拒绝
        </button>
      </span>
      {similar.length ? (
        <p className="meta">
          可能相同的已有问题：
          {similar.map((s) => (
            <span key={s.slug}>
              {" "}
              <a href={questionPath(s.slug)} target="_blank" rel="noreferrer">
                {s.title}
              </a>
              （{s.slug}）
            </span>
          ))}
        </p>
      ) : null}
      {message ? (
        <p className={message.ok ? "meta" : "notice"} role={message.ok ? "status" : "alert"}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
