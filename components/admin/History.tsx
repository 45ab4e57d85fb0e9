"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { adminFetch } from "./api";
import { CHINA_TIME_LABEL, chinaDateTime } from "@/lib/domain/dates";
import { adminRevisionRestoreApiPath } from "@/lib/urls";

type Item = { id: number; number: number; by: string; summary: string | null; at: string; live: boolean; review: string | null };
const REVIEW: Record<string, string> = { pending: "待审核", approved: "已批准", changes_requested: "已退回" };

/** One answer's revisions, newest first; an older one can be brought back (as a new submission). */
export function History({ items }: { items: Item[] }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  if (!items.length) return <p className="meta">还没有修订记录。</p>;
  return (
    <>
      <ol className="history" reversed>
        {items.map((r) => (
          <li key={r.id}>
            第 {r.number} 版 · {r.by} · <time dateTime={r.at}>{CHINA_TIME_LABEL} {chinaDateTime(r.at)}</time>
            {r.summary ? ` · ${r.summary}` : ""}
            {r.live ? <span className="chip">当前发布</span> : null}
            {r.review ? <span className="chip">{REVIEW[r.review] ?? r.review}</span> : null}
            {!r.live ? (
              <button
                type="button"
                className="button secondary"
                onClick={async () => {
                  const res = await adminFetch(adminRevisionRestoreApiPath(r.id), { method: "POST" });
                  setMessage(res.ok ? `已把第 ${r.number} 版作为新的修订提交审核。` : res.message);
                  if (res.ok) router.refresh();
                }}
              >
                恢复此版本
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {message ? <p role="status">{message}</p> : null}
    </>
  );
}
