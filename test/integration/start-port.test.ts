// `npm start` on a port that is taken says so and exits, before starting anything (it used to print
// "running" and then a stack trace).
import { createServer } from "node:net";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { freePort } from "../../lib/servers/free-port.ts";
import { runScript } from "../support/process.ts";

it("refuses a port in use with a message naming it, and starts no server", async () => {
  const port = await freePort();
  const taken = createServer().listen(port, "127.0.0.1");
  const dataDir = await mkdtemp(join(tmpdir(), "yibao-port-"));
  try {
    const start = runScript("start.ts", { PORT: String(port), DATA_DIR: dataDir });
    expect(await start.exited).toBe(1);
    expect(start.lines.join("\n")).toContain(`端口 ${port} 已被占用`);
    expect(start.lines.some((l) => /starting embedded|is running at|at .*\.ts:\d+/.test(l))).toBe(false);
  } finally {
    taken.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
