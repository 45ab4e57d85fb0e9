"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { adminFetch } from "./api";
import { adminGapApiPath, adminQuestionPath } from "@/lib/urls";

/** One click: the gap becomes an unanswered question in the advisors' queue, or is dismissed. */
export function GapActions({ id }: { id: number }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string; slug?: string } | null>(null);
  const act = async (action: "convert" | "dismiss") => {
    const r = await adminFetch<{ slug?: string }>(adminGapApiPath(id), { method: "POST", body: { action } });
    if (r.ok) {
      setMessage({ ok: true, text: action === "convert" ? "已转为待解答问题" : "已忽略", slug: r.data.slug });
      router.refresh();
    } else setMessage({ ok: false, text: r.message });
  };
  if (message?.ok) {
    return (
      <span role="status">
        {message.text}
        {message.slug ? (
          <>
            ：<a href={adminQuestionPath(message.slug)}>{message.slug}</a>
          </>
        ) : null}
      </span>
    );
  }
  return (
    <span className="admin-actions">
      <button type="button" onClick={() => act("convert")}>
        转为待解答问题
      </button>
      <button type="button" className="secondary" onClick={() => act("dismiss")}>
        忽略
      </button>
      {message ? (
        <span className="notice" role="alert">
          {message.text}
        </span>
      ) : null}
    </span>
  );
}
