// `npm run serve` (scripts/web-server.mjs) without the shared secrets refuses to start, naming them,
// instead of signing sessions with a secret of its own (docs: lib/secrets.mjs). That two instances
// given the same secrets accept each other's sessions needs a site build: test/e2e/sessions.spec.ts.
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const SECRET = "0123456789abcdef".repeat(3);

/** Runs `npm run serve`'s command with exactly these variables (plus PATH): its exit code and output. */
function serve(vars: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [join(ROOT, "scripts/web-server.mjs"), "--port", "1"], { cwd: ROOT, env: { PATH: process.env.PATH ?? "", ...vars } as unknown as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout!.on("data", (b: Buffer) => (output += b));
    child.stderr!.on("data", (b: Buffer) => (output += b));
    const timer = setTimeout(() => (child.kill("SIGKILL"), reject(new Error(`still running after 20 s:\n${output}`))), 20_000);
    child.once("exit", (code) => (clearTimeout(timer), resolve({ code, output })));
  });
}

it("exits non-zero without BETTER_AUTH_SECRET and REVALIDATE_SECRET, naming both in Chinese and English", async () => {
  const r = await serve({});
  expect(r.code).not.toBe(0);
  expect(r.code).not.toBeNull();
  expect(r.output).toContain("缺少 BETTER_AUTH_SECRET、REVALIDATE_SECRET");
  expect(r.output).toContain("Missing BETTER_AUTH_SECRET, REVALIDATE_SECRET");
});

it("names the one that is missing", async () => {
  const r = await serve({ BETTER_AUTH_SECRET: SECRET, REVALIDATE_SECRET: "" });
  expect(r.code).not.toBe(0);
  expect(r.output).toContain("Missing REVALIDATE_SECRET:");
  expect(r.output).not.toContain("BETTER_AUTH_SECRET");
});
