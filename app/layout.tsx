import type { Metadata, Viewport } from "next";
import { Suspense, type ReactNode } from "react";
import Link from "@/components/SiteLink";
import { HeaderSearch } from "@/components/HeaderSearch";
import { SearchForm } from "@/components/SearchForm";
import { env } from "@/lib/env";
import { aboutPath, calculatorsPath, homePath, regionPath } from "@/lib/urls";
import { NATIONWIDE } from "@/lib/regions";
import "./globals.css";

// A function, not a constant: SITE_URL is read when pages render, not when the site is built.
export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(env().siteUrl),
    title: { default: "医保问答 — 有依据的医疗保险解答", template: "%s — 医保问答" },
    description: "城乡居民医保、职工医保的报销、异地就医备案、门诊统筹等问题，由律师和医保顾问解答，附法律依据。",
    applicationName: "医保问答",
    // Baidu: the page suits phones and desktops alike, and must not be transcoded.
    other: { "applicable-device": "pc,mobile" },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0e7490" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <head>
        <meta httpEquiv="Cache-Control" content="no-transform" />
        <meta httpEquiv="Cache-Control" content="no-siteapp" />
      </head>
      <body>
        <a className="skip" href="#main">
          跳到正文
        </a>
        <header className="site">
          <div className="inner">
            <Link href={homePath()} className="brand">
              医保问答<small>有依据的解答</small>
            </Link>
            {/* useSearchParams needs a Suspense boundary on statically rendered pages. */}
            <Suspense fallback={<SearchForm />}>
              <HeaderSearch />
            </Suspense>
            <nav aria-label="主导航" className="site-nav">
              <Link href={regionPath(NATIONWIDE)}>按地区</Link>
              <Link href={calculatorsPath()}>报销计算器</Link>
            </nav>
          </div>
        </header>
        <main id="main">{children}</main>
        <footer className="site">
          <div className="inner">
            <p>
              本站内容仅供参考，不构成法律意见；具体待遇以参保地医疗保障部门的最新规定为准，也可拨打全国医保服务热线
              <a href="tel:12393">12393</a>。示例顾问为虚构人物。
            </p>
            <p>
              <Link href={aboutPath()}>关于本站与编辑方针</Link> · <Link href={`${aboutPath()}#contact`}>联系我们</Link>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
