// Runs before every page and API request (not static files): gives the response its
// Content-Security-Policy, with a fresh nonce for the pages rendered per request (lib/site/security-headers.ts), and
// answers a path with a broken percent-escape itself. The headers that never vary are in next.config.js.
import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, newNonce, policyKind } from "./lib/site/security-headers.ts";

function hasBrokenEscape(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

// Next.js decodes dynamic segments itself and answers "/q/%" or "/calculators/%E4" with a plain-text
// 500 before any page runs; such a path names no page, so it is a 404 here.
const NOT_FOUND_HTML =
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>找不到这个页面 — 医保问答</title></head>' +
  '<body><main id="main"><h1>找不到这个页面</h1><p>这个地址无效。可以<a href="/">回到首页</a>查找。</p></main></body></html>';

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const kind = policyKind(pathname);
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const dev = process.env.NODE_ENV === "development";
  const nonce = kind === "page" ? newNonce() : undefined;
  const policy = contentSecurityPolicy(kind, { nonce, dev, https });
  if (hasBrokenEscape(pathname)) {
    const body = kind === "api" ? JSON.stringify({ error: "not_found", message: "找不到这个地址。" }) : NOT_FOUND_HTML;
    const type = kind === "api" ? "application/json; charset=utf-8" : "text/html; charset=utf-8";
    return new NextResponse(body, { status: 404, headers: { "content-type": type, "content-security-policy": policy } });
  }
  // Next.js reads the nonce from the request's policy and puts it on the scripts it writes.
  const requestHeaders = new Headers(request.headers);
  if (nonce) requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

// Prefetches too: a request that skipped the proxy would be served without a policy.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
