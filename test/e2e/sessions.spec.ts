// Two `npm run serve` instances of one site, given the same secrets (what `npm start` generated into
// DATA_DIR, resolved by lib/secrets.mjs), accept each other's session cookies: a reviewer signed in on
// one is signed in on the other. An instance with another BETTER_AUTH_SECRET refuses the same cookie,
// so the acceptance is the shared secret's doing. Needs the site build, hence here and not in test/integration.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { expect, test } from "@playwright/test";

const DATA_DIR = process.env.E2E_DATA_DIR!;
const started: ChildProcess[] = [];

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** Another `npm run serve` of the same site (same Postgres and Meilisearch); resolves once it answers. */
async function serve(secrets: { BETTER_AUTH_SECRET: string; REVALIDATE_SECRET: string }): Promise<string> {
  const runtime = JSON.parse(readFileSync(join(DATA_DIR, "runtime.json"), "utf8")) as { databaseUrl: string; meiliUrl: string; meiliKey?: string };
  const port = await freePort();
  const child = spawn(process.execPath, ["scripts/web-server.mjs", "--port", String(port)], {
    env: { ...process.env, ...secrets, DATABASE_URL: runtime.databaseUrl, MEILI_URL: runtime.meiliUrl, MEILI_MASTER_KEY: runtime.meiliKey ?? "", DATA_DIR, CONTENT_DIR: "content", PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
  started.push(child);
  const base = `http://127.0.0.1:${port}`;
  for (const end = Date.now() + 60_000; Date.now() < end; await new Promise((r) => setTimeout(r, 250))) {
    if (child.exitCode !== null) throw new Error(`serve exited (${child.exitCode})`);
    if (await fetch(`${base}/api/health`).then((r) => r.status < 500, () => false)) return base;
  }
  throw new Error("serve did not answer within 60 s");
}

test.afterAll(() => {
  for (const child of started) child.kill("SIGTERM");
});

test("a session made on one serve instance is valid on another with the same secrets, and only there", async ({ baseURL }) => {
  test.setTimeout(180_000);
  const shared = { BETTER_AUTH_SECRET: readFileSync(join(DATA_DIR, "auth-secret"), "utf8").trim(), REVALIDATE_SECRET: readFileSync(join(DATA_DIR, "revalidate-secret"), "utf8").trim() };
  const [other, stranger] = await Promise.all([serve(shared), serve({ ...shared, BETTER_AUTH_SECRET: "f".repeat(64) })]);

  const email = `sessions-${Date.now().toString(36)}@example.cn`;
  execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/user-add.ts", "--email", email, "--name", "两台实例", "--role", "reviewer", "--password-stdin"], {
    env: { ...process.env, DATA_DIR, DATABASE_URL: "", MEILI_URL: "" },
    input: "reviewer password 123\n",
  });
  // Signed in on the instance `npm start` runs (its own port), through the same endpoint the sign-in page uses.
  const site = new URL(baseURL!).origin;
  const signIn = await fetch(`${site}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: `http://localhost:${new URL(site).port}` },
    body: JSON.stringify({ email, password: "reviewer password 123" }),
  });
  expect(signIn.status).toBe(200);
  const cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  expect(cookie).toContain("session_token=");

  const session = async (base: string) => (await (await fetch(`${base}/api/auth/get-session`, { headers: { cookie } })).json()) as { user?: { email: string } } | null;
  expect((await session(site))?.user?.email).toBe(email);
  expect((await session(other))?.user?.email).toBe(email);
  expect(await session(stranger)).toBeNull();
  // And the authoring app itself, not only the session endpoint, lets the reviewer in on the other instance.
  expect((await fetch(`${other}/admin/reviews`, { headers: { cookie }, redirect: "manual" })).status).toBe(200);
  expect((await fetch(`${stranger}/admin/reviews`, { headers: { cookie }, redirect: "manual" })).status).not.toBe(200);
});
