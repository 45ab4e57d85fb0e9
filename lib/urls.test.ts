import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { adminQuestionPath, calculatorPath, calculatorsPath, questionPath, QUESTION_LINK_SELECTOR, searchApiPath, suggestApiPath } from "./urls.ts";

it("encodes what a path segment or query cannot hold", () => {
  expect(calculatorPath("毕节 2025")).toBe("/calculators/%E6%AF%95%E8%8A%82%202025");
  expect(calculatorsPath({ region: "520500" })).toBe("/calculators?region=520500");
  expect(calculatorsPath()).toBe("/calculators");
  expect(suggestApiPath("门诊&统筹")).toBe("/api/suggest?q=%E9%97%A8%E8%AF%8A%26%E7%BB%9F%E7%AD%B9");
  expect(searchApiPath("a b")).toBe("/api/search?q=a%20b");
  expect(adminQuestionPath("x", "figure-checks")).toBe("/admin/q/x#figure-checks");
  expect(questionPath("x")).toBe("/q/x");
  expect(QUESTION_LINK_SELECTOR).toBe("a[href^='/q/']");
});

// Files that must spell paths out: path patterns in Next's matcher syntax and the path classification of
// the security headers, and the web server's plain JavaScript (it cannot import TypeScript): its pre-Next
// checks and the metrics' route groups.
const SPELT_OUT = ["lib/site/security-headers.ts", "scripts/web-server/http.mjs", "lib/ops/metrics-registry.mjs"];

it("no file of lib/, app/, components/ or scripts/ but lib/urls.ts writes a path of the site", () => {
  // Every first segment the site answers on: app/'s top-level folders (route groups aside).
  const segments = readdirSync("app", { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith("(") && !e.name.startsWith("["))
    .map((e) => e.name.replace(/\./g, "\\."));
  expect(segments).toEqual(expect.arrayContaining(["admin", "api", "q", "calculators", "regions"]));
  // A literal (or the text after an interpolation, as in `${base}/api/…`) starting with one of them.
  const literal = new RegExp(`(["'\`]|\\})/(${segments.join("|")})(?=[/"'\`?#$]|$)`);
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "lib", "app", "components", "scripts"], { encoding: "utf8" })
    .split("\n")
    .filter((f) => /\.(ts|tsx|mjs)$/.test(f) && !/\.test\.tsx?$/.test(f) && f !== "lib/urls.ts" && !f.startsWith("lib/db/generated/") && !SPELT_OUT.includes(f));
  expect(files.length).toBeGreaterThan(100);
  const found = files.flatMap((f) =>
    readFileSync(f, "utf8")
      .split("\n")
      .map((line, i) => ({ line, at: `${f}:${i + 1}` }))
      // Comments name routes ("// POST /api/admin/…") and that is what they are for.
      .filter(({ line }) => !/^\s*(\/\/|\*|\/\*)/.test(line) && literal.test(line))
      .map(({ line, at }) => `${at}: ${line.trim().slice(0, 120)}`),
  );
  expect(found).toEqual([]);
});
