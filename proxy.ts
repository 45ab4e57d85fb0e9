// Runs before the pages rendered per request and the authoring app (NONCE_PATHS): gives the response a
// Content-Security-Policy with a fresh nonce (lib/site/security-headers.ts). Every other path's policy
// is fixed and set by next.config.ts: running the proxy costs a cached page half its throughput.
// (A path with a broken percent-escape never gets here: scripts/web-server.mjs answers it.)
import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, needsNonce, newNonce, policyKind } from "./lib/site/security-headers.ts";

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const kind = policyKind(pathname);
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const dev = process.env.NODE_ENV === "development";
  const nonce = needsNonce(kind) ? newNonce() : undefined;
  const policy = contentSecurityPolicy(kind, { nonce, dev, https });
  // Next.js reads the nonce from the request's policy and puts it on the scripts it writes.
  const requestHeaders = new Headers(request.headers);
  if (nonce) requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

// Prefetches too: a request that skipped the proxy would be served without a nonce. A literal list, as
// Next reads the matcher at build time (it must be the same as NONCE_PATHS; a unit test checks).
export const config = { matcher: ["/", "/search/:path*", "/calculators/:path*", "/advisors/:path*", "/admin/:path*"] };
