"use client";
import { useState } from "react";
import { API_PATHS } from "@/lib/urls";

/** Asks for a private follow link of this question and shows it. */
export function FollowButton({ slug }: { slug: string }) {
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (link) {
    return (
      <p className="notice" role="status">
        解答发布后，可以在这个只属于你的链接里查看（请收藏）：<a className="follow-link" href={link}>{new URL(link, window.location.href).toString()}</a>
      </p>
    );
  }
  return (
    <p>
      <button
        type="button"
        className="secondary"
        onClick={async () => {
          const res = await fetch(API_PATHS.follow, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ slug }) }).catch(() => null);
          const data = (await res?.json().catch(() => ({}))) as { followUrl?: string; message?: string } | undefined;
          if (res?.ok && data?.followUrl) setLink(data.followUrl);
          else setError(data?.message ?? "操作没有成功，请稍后再试。");
        }}
      >
        关注这个问题
      </button>{" "}
      <span className="meta">无需注册：得到一个私人链接，解答发布后在那里查看。</span>
      {error ? (
        <span className="notice" role="alert">
          {error}
        </span>
      ) : null}
    </p>
  );
}
