"use client";
// Shown when a page fails on the server (Postgres down, a bug): in Chinese, with a way to try again,
// instead of Next.js's English error page. The cause stays in the server log; the digest ties the two.
import Link from "@/components/SiteLink";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : "";
  return (
    <section className="error-page" role="alert">
      <h1>服务暂时不可用</h1>
      <p>页面暂时无法显示，可能是服务器正在维护或临时故障。请稍后再试。</p>
      <p>
        <button type="button" onClick={() => retry()}>
          重试
        </button>{" "}
        或者<Link href="/">回到首页</Link>。
      </p>
      {digest ? <p className="meta">错误编号：{digest}</p> : null}
    </section>
  );
}
