import type { Metadata } from "next";
import { Suspense, type ReactNode } from "react";
import Link from "next/link";
import { HeaderSearch } from "@/components/HeaderSearch";
import { SearchForm } from "@/components/SearchForm";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "医保问答 — 有依据的医疗保险解答", template: "%s — 医保问答" },
  description: "城乡居民医保、职工医保的报销、异地就医备案、门诊统筹等问题，由律师和医保顾问解答，附法律依据。",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>
        <a className="skip" href="#main">
          跳到正文
        </a>
        <header className="site">
          <div className="inner">
            <Link href="/" className="brand">
              医保问答<small>有依据的解答</small>
            </Link>
            {/* useSearchParams needs a Suspense boundary on statically rendered pages. */}
            <Suspense fallback={<SearchForm />}>
              <HeaderSearch />
            </Suspense>
            <nav aria-label="主导航" className="site-nav">
              <Link href="/calculators">报销计算器</Link>
            </nav>
          </div>
        </header>
        <main id="main">{children}</main>
        <footer className="site">
          <div className="inner">
            本站内容仅供参考，不构成法律意见；具体待遇以参保地医疗保障部门的最新规定为准。示例顾问为虚构人物。
          </div>
        </footer>
      </body>
    </html>
  );
}
