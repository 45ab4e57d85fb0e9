// Every repository path that the docs and the code's comments name must exist: a renamed or deleted file
// otherwise leaves readers following a trail that ends nowhere.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const TOP = ["app", "components", "content", "deploy", "docs", "lib", "prisma", "scripts", "test", "server"];
// A path as written in prose or a comment: a top-level folder, then segments, optionally a file name.
// Next's bracketed segments ([slug], [...all]) count as part of a path.
const PATH = new RegExp(String.raw`(?<![\w./@-])((?:${TOP.join("|")})(?:/(?:[\w.-]+|\[[\w.]+\]))+)(…)?`, "g");

function files(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (["node_modules", "generated", "fixtures", ".next", ".data"].includes(e.name) || e.name.startsWith(".next")) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) files(p, out);
    else if (/\.(ts|tsx|mjs|md|css)$/.test(e.name)) out.push(p);
  }
  return out;
}

/** Comment text only, for code: a string literal naming a path is the code's business, not a pointer for readers. */
function commentText(file: string, text: string): string {
  if (file.endsWith(".md")) return text;
  return [...text.matchAll(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g)].map((m) => m[0]).join("\n");
}

it("names only paths that exist", () => {
  // BENCHMARKS.md is left out: it is a record of what was measured then, with the files of then.
  const sources = [join(ROOT, "README.md"), ...["app", "components", "docs", "lib", "scripts", "test", "server"].flatMap((d) => (existsSync(join(ROOT, d)) ? files(join(ROOT, d)) : []))];
  const missing: string[] = [];
  for (const file of sources) {
    const text = commentText(file, readFileSync(file, "utf8"));
    for (const [, raw, elided] of text.matchAll(PATH)) {
      const path = raw!.replace(/\.+$/, "");
      if (elided) continue; // "002_5aa6….txt": shortened on purpose
      // A module named without its extension (lib/urls, lib/site/search) is a path too.
      if (!["", ".ts", ".tsx", ".mjs"].some((ext) => existsSync(join(ROOT, path + ext)))) missing.push(`${relative(ROOT, file)}: ${path}`);
    }
  }
  expect(missing).toEqual([]);
});
