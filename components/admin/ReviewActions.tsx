"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { adminReviewApiPath, questionPath } from "@/lib/urls";
import { adminFetch } from "./api";

export function ReviewActions({ id, slug, own }: { id: number; slug: string; own: boolean }) {
  const router = useRouter();
  const [comment, setComment] = useState("");
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const decide = async (decision: "approve" | "request_changes") => {
    setBusy(true);
    const r = await adminFetch(adminReviewApiPath(id), { method: "POST", body: { decision, ...(comment.trim() ? { comment: comment.trim() } : {}) } });
    setBusy(false);
    if (!r.ok) return setMessage({ text: r.message, ok: false });
    setMessage({ text: decision === "approve" ? "已批准并发布，几秒内即可在页面和搜索中看到。" : "已退回修改，作者会看到你的意见。", ok: true });
    router.refresh();
  };
  return (
    <section className="review-actions" aria-label="审核决定">
      {own ? <p className="notice">这是你自己的提交：需要另一位审核人批准。</p> : null}
      <label>
        审核意见（退回修改时请写明原因）
        <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={3} maxLength={2000} />
      </label>
      <div className="row">
        <button type="button" disabled={busy} onClick={() => decide("approve")}>
          批准并发布
        </button>
        <button type="button" className="button secondary" disabled={busy || !comment.trim()} title={comment.trim() ? undefined : "先写明退回的原因"} onClick={() => decide("request_changes")}>
          退回修改
        </button>
      </div>
      {message ? (
        <p className={message.ok ? "saved" : "notice"} role={message.ok ? "status" : "alert"}>
          {message.text} {message.ok ? <a href={questionPath(slug)}>查看公开页面</a> : null}
        </p>
      ) : null}
    </section>
  );
}
