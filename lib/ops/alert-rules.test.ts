// The shipped alert rules (deploy/prometheus) are valid and fire when they should: promtool, from
// Debian's prometheus package, checks them and runs their unit tests.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";

const DIR = join(import.meta.dirname, "../../deploy/prometheus");
const PROMTOOL = ["/usr/bin/promtool", "/usr/local/bin/promtool"].find((p) => existsSync(p));

it("passes promtool check rules and promtool test rules", () => {
  if (!PROMTOOL) throw new Error("promtool not found: install Debian's prometheus package (apt-get install prometheus), as .ci/run does");
  const run = (...args: string[]) => execFileSync(PROMTOOL, args, { cwd: DIR, encoding: "utf8" });
  expect(run("check", "rules", "alerts.yml")).toMatch(/SUCCESS: 4 rules found/);
  expect(run("test", "rules", "alerts.test.yml")).toMatch(/SUCCESS/);
});
