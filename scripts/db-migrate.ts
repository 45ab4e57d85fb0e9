// npm run db:migrate — applies pending migrations to DATABASE_URL (or to the embedded Postgres).
import { readEnv } from "../lib/env.ts";
import { migrationStatus } from "../lib/db/migrate.ts";
import { openStack } from "../lib/servers/stack.ts";

const env = readEnv();
const stack = await openStack(env, { log: (m) => console.error(m), search: false }); // applies the migrations
try {
  const status = await migrationStatus(stack.databaseUrl);
  if (status.failed.length || status.edited.length) {
    console.error(`failed: ${status.failed.join(", ") || "none"}; edited after applying: ${status.edited.join(", ") || "none"}`);
    process.exitCode = 1;
  } else console.log(stack.appliedMigrations.length ? `applied ${stack.appliedMigrations.join(", ")}` : "database is up to date");
} finally {
  await stack.stop();
}
process.exit(process.exitCode ?? 0);
