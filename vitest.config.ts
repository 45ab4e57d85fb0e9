import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Tests run server code outside React's server environment: "server-only" is the marker it is there.
const serverOnly = {
  "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
  // Route handlers import with the app's "@/…" paths (tsconfig).
  "@/": fileURLToPath(new URL("./", import.meta.url)),
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: serverOnly },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
        },
      },
      {
        resolve: { alias: serverOnly },
        test: {
          // npm run test:faults: kills servers and processes under load and throws hostile input at the
          // running site; slow, so a stage of its own (npm test runs it last).
          name: "faults",
          include: ["test/faults/**/*.test.ts"],
          globalSetup: ["test/integration/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 900_000,
          hookTimeout: 900_000,
        },
      },
      {
        resolve: { alias: serverOnly },
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          // One real Postgres + Meilisearch pair per run, started in globalSetup.
          globalSetup: ["test/integration/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
