import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { may, PERMISSIONS, ROLES } from "./roles.ts";

it("lets each role take its actions and those of the roles below it", () => {
  expect(may("advisor", "draft.save")).toBe(true);
  expect(may("advisor", "review.decide")).toBe(false);
  expect(may("reviewer", "review.decide")).toBe(true);
  expect(may("reviewer", "audit.read")).toBe(false);
  for (const action of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) expect(may("admin", action)).toBe(true);
  expect(new Set(Object.values(PERMISSIONS))).toEqual(new Set(ROLES));
});

it("no page, navigation or route of app/ names a role for itself: they name an action of the table", () => {
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "app", "components", "lib/site"], { encoding: "utf8" })
    .split("\n")
    .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f));
  expect(files.length).toBeGreaterThan(50);
  const ROLE_CHECK = /hasRole\(|pageEditor\(\s*"(advisor|reviewer|admin)"|\brole: "(advisor|reviewer|admin)",\s*action:/;
  expect(files.filter((f) => ROLE_CHECK.test(readFileSync(f, "utf8")))).toEqual([]);
  // Every route of the authoring API and every authoring page checks an action of the table.
  const guarded = files.filter((f) => /adminRoute|pageEditor\(/.test(readFileSync(f, "utf8")));
  const actions = new Set(files.flatMap((f) => [...readFileSync(f, "utf8").matchAll(/(?:action: |pageEditor\()"([a-z.]+)"/g)].map((m) => m[1]!)));
  expect(guarded.length).toBeGreaterThan(25);
  for (const a of actions) if (!["convert", "dismiss"].includes(a)) expect(Object.keys(PERMISSIONS)).toContain(a);
});
