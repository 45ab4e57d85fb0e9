import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { AUDIT, AUDIT_LABELS, auditLabel } from "./audit-actions.ts";

const sources = () =>
  execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "lib", "app", "components", "scripts"], { encoding: "utf8" })
    .split("\n")
    .filter((f) => /\.(ts|tsx|mjs)$/.test(f) && !f.endsWith(".test.ts") && f !== "lib/domain/audit-actions.ts" && !f.startsWith("lib/db/generated/"));

it("labels every action in Chinese, each differently", () => {
  const actions = Object.values(AUDIT);
  expect(new Set(actions).size).toBe(actions.length);
  for (const a of actions) expect(AUDIT_LABELS[a]).toMatch(/\p{Script=Han}/u);
  expect(new Set(Object.values(AUDIT_LABELS)).size).toBe(actions.length);
  expect(auditLabel("review.own_refused")).toBe("审核自己的提交被拒");
  expect(auditLabel("gap.convert")).toBe("内容缺口转为问题");
  expect(auditLabel("something.retired")).toBe("something.retired");
});

it("every audit event is written with an action from the list, none spelt by hand", () => {
  const files = sources();
  expect(files.length).toBeGreaterThan(100);
  const writers = files.filter((f) => /auditEvent\.create/.test(readFileSync(f, "utf8")));
  expect(writers.length).toBeGreaterThanOrEqual(9);
  const handWritten = files.flatMap((f) => {
    const text = readFileSync(f, "utf8");
    const found: string[] = [];
    // An audit row whose action is a string or template literal.
    for (const m of text.matchAll(/auditEvent\.create\(\{[\s\S]{0,300}?\baction:\s*([^,}]+)/g)) if (/["'`][a-z]+\.[a-z_$]/.test(m[1]!)) found.push(`${f}: ${m[1]}`);
    // A listed action spelt out in a file that writes audit events (elsewhere the same words name
    // permissions, lib/auth/roles.ts, another list).
    if (!text.includes("auditEvent.create")) return found;
    for (const line of text.split("\n")) {
      for (const a of Object.values(AUDIT)) if (line.includes(`"${a}"`) || line.includes(`'${a}'`) || line.includes(`\`${a}\``)) found.push(`${f}: ${a}`);
    }
    return found;
  });
  expect(handWritten).toEqual([]);
});
