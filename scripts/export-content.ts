// npm run content:export -- [slug…|--all] --out DIR
// Writes articles from Postgres back as content files (DIR/questions/<slug>.md, DIR/advisors/<id>.yaml).
import { parseArgs } from "node:util";
import { exportContent } from "../lib/content/export.ts";
import { closeDb, getDb } from "../lib/db/client.ts";
import { env } from "../lib/env.ts";
import { openStack } from "../lib/servers/stack.ts";
import { exitOnEnvError } from "./env-guard.ts";

const usage = "usage: npm run content:export -- <slug…> --out DIR   or   npm run content:export -- --all --out DIR";
let args;
try {
  args = parseArgs({ allowPositionals: true, options: { all: { type: "boolean", default: false }, out: { type: "string" } } });
} catch (e) {
  console.error(`${(e as Error).message}\n${usage}`);
  process.exit(2);
}
const { values, positionals } = args;
if (!values.out || (values.all === positionals.length > 0)) {
  console.error(usage);
  process.exit(2);
}
const e = exitOnEnvError(env);
const stack = await openStack(e, { log: (m) => console.error(m), search: false });
let code = 0;
try {
  const r = await exportContent(getDb(stack.databaseUrl), { slugs: values.all ? "all" : positionals, out: values.out });
  console.log(`wrote ${r.articles} articles and ${r.advisors} advisor profiles to ${values.out}`);
  if (r.missing.length) {
    console.error(`no article with the slug(s): ${r.missing.join(", ")}`);
    code = 1;
  }
} catch (err) {
  console.error(`export failed: ${(err as Error).message}`);
  code = 1;
} finally {
  await closeDb(stack.databaseUrl);
  await stack.stop();
}
process.exit(code);
