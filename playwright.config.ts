// End-to-end tests drive a real Chromium against the real site started by `npm start` (embedded
// Postgres + Meilisearch in a throwaway DATA_DIR, on its own port).
import { defineConfig } from "@playwright/test";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const DATA_DIR = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), "yibao-e2e-"));
// Debian's chromium where present (no browser downloads here); Playwright's own browser otherwise.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
process.env.E2E_DATA_DIR = DATA_DIR; // the config is evaluated again in workers: keep one folder

export default defineConfig({
  testDir: "test/e2e",
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: systemChromium
      ? {
          executablePath: systemChromium,
          args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        }
      : {},
  },
  webServer: {
    command: "node --conditions=react-server --import tsx scripts/start.ts",
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: { PORT: String(PORT), DATA_DIR, CONTENT_DIR: "content", DATABASE_URL: "", MEILI_URL: "", MEILI_MASTER_KEY: "", SIGN_IN_ATTEMPTS_PER_MINUTE: "60" },
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
