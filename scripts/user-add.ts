// npm run user:add -- --email E --name N --role admin|reviewer|advisor [--password-stdin]
// Creates an account of the authoring app (there is no public sign-up): the first admin, or any account.
// The password comes from stdin with --password-stdin (never from the command line, where others can
// read it); otherwise one is generated and printed once.
import { parseArgs } from "node:util";
import { z } from "zod";
import { ROLES } from "../lib/auth/roles.ts";
import { createAccount } from "../lib/authoring/accounts.ts";
import { closeDb, getDb } from "../lib/db/client.ts";
import { AppError } from "../lib/domain/errors.ts";
import { env } from "../lib/env.ts";
import { openStack } from "../lib/servers/stack.ts";
import { exitOnEnvError } from "./env-guard.ts";

const usage = "usage: npm run user:add -- --email E --name N --role admin|reviewer|advisor [--title 执业律师] [--organisation O] [--password-stdin]";
const argsSchema = z.object({
  email: z.email("--email must be an e-mail address"),
  name: z.string().trim().min(1, "--name is required"),
  role: z.enum(ROLES, { error: "--role must be admin, reviewer or advisor" }),
  title: z.string().optional(),
  organisation: z.string().optional(),
  "password-stdin": z.boolean().default(false),
});

let opts: z.infer<typeof argsSchema>;
try {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, title: { type: "string" }, organisation: { type: "string" }, "password-stdin": { type: "boolean" } },
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("; "));
  opts = parsed.data;
} catch (e) {
  console.error(`${(e as Error).message}\n${usage}`);
  process.exit(2);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

const e = exitOnEnvError(env);
const password = opts["password-stdin"] ? await readStdin() : undefined;
const stack = await openStack(e, { log: (m) => console.error(m), search: false });
let code = 0;
try {
  const r = await createAccount(getDb(stack.databaseUrl), { email: opts.email, name: opts.name, role: opts.role, title: opts.title, organisation: opts.organisation, password, by: "cli:user:add" }, stack.databaseUrl);
  console.log(`created ${opts.role} ${opts.email} (advisor profile "${r.advisorId}")`);
  if (!password) console.log(`password (shown once): ${r.password}`);
} catch (err) {
  console.error(err instanceof AppError ? err.message : `could not create the account: ${(err as Error).message}`);
  code = 1;
} finally {
  await closeDb(stack.databaseUrl);
  await stack.stop();
}
process.exit(code);
