"use client";
// Replaces the root layout when the layout itself fails, so it brings its own <html> and <body>. Like
// app/error.tsx, it never shows the error's text: only that the service is unavailable, in Chinese.
import "./globals.css";

export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="zh-CN">
      <body>
        <title>服务暂时不可用 — 医保问答</title>
        <main id="main">
          <section className="error-page" role="alert">
            <h1>服务暂时不可用</h1>
            <p>页面暂时无法显示，可能是服务器正在维护或临时故障。请稍后再试。</p>
            <p>
              <button type="button" onClick={() => retry()}>
                重试
              </button>{" "}
              或者<a href="/">回到首页</a>。
            </p>
          </section>
        </main>
      </body>
    </html>
  );
}
