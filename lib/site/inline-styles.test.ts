import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { inlineStyleHashes } from "./inline-styles.ts";

const root = mkdtempSync(join(tmpdir(), "inline-styles-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("inlineStyleHashes", () => {
  it("hashes every built stylesheet as a CSP source expects it, and nothing else", () => {
    const dist = join(root, "dist");
    mkdirSync(join(dist, "static", "chunks"), { recursive: true });
    writeFileSync(join(dist, "static", "chunks", "a.css"), "a{color:red}\n");
    writeFileSync(join(dist, "static", "chunks", "a.js"), "alert(1)");
    // The digest `openssl dgst -sha256 -binary | base64` gives for the same bytes.
    expect(inlineStyleHashes(dist)).toEqual(["8e/a53E8pD0reBM7qquiWvKITpZgFpBiFcZDadvq2JA="]);
  });

  it("finds none without a build folder", () => {
    expect(inlineStyleHashes(join(root, "missing"))).toEqual([]);
  });
});
