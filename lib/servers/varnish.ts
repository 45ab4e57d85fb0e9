// Varnish (Debian's varnish package) with the project's edge configuration, deploy/varnish/yibao.vcl, in
// front of the given web instances: for the fault suite and bench:pages. Production runs varnishd as a
// system service with the same VCL and a backends.vcl of its own (docs/OPERATIONS.md).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { API_PATHS } from "../urls.ts";
import { freePort } from "./free-port.ts";

const VCL = join(import.meta.dirname, "../../deploy/varnish/yibao.vcl");
const VARNISHD = ["/usr/sbin/varnishd", "/usr/local/sbin/varnishd"].find((p) => existsSync(p));

export type RunningVarnish = { url: string; stop: () => Promise<void> };

export async function startVarnish(backends: { host: string; port: number }[], opts: { port?: number; memory?: string } = {}): Promise<RunningVarnish> {
  if (!VARNISHD) throw new Error("varnishd not found: install Debian's varnish package (apt-get install varnish)");
  const dir = await mkdtemp(join(tmpdir(), "yibao-varnish-"));
  // Started as root, varnishd compiles the VCL as its own unprivileged user: it must read this folder.
  await chmod(dir, 0o755);
  // The same readiness probe as deploy/varnish/backends.example.vcl, quicker, so a test does not wait.
  const vcl = [
    `probe ready { .url = "${API_PATHS.healthReady}"; .interval = 1s; .timeout = 2s; .window = 3; .threshold = 1; }`,
    ...backends.map((b, i) => `backend web${i} { .host = "${b.host}"; .port = "${b.port}"; .probe = ready; }`),
    `sub vcl_init { new web = directors.round_robin(); ${backends.map((_, i) => `web.add_backend(web${i});`).join(" ")} }`,
  ].join("\n");
  await writeFile(join(dir, "backends.vcl"), vcl);
  const port = opts.port ?? (await freePort());
  const child = spawn(VARNISHD, ["-F", "-a", `127.0.0.1:${port}`, "-f", VCL, "-p", `vcl_path=${dir}`, "-n", join(dir, "n"), "-s", `malloc,${opts.memory ?? "256m"}`], { stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  child.stdout!.on("data", (b: Buffer) => output.push(b.toString()));
  child.stderr!.on("data", (b: Buffer) => output.push(b.toString()));
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`varnishd exited: ${output.join("").slice(-2000)}`);
    const up = await fetch(url + API_PATHS.healthLive, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
    if (up) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`varnishd did not reach a healthy backend within 30 s: ${output.join("").slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: async () => {
      child.kill("SIGTERM");
      const t = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(t);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
