// The digests of the stylesheets that Next.js writes inline into every page (next.config.ts's
// experimental.inlineCss), for the Content-Security-Policy of the pages rendered per request: their
// style-src carries a nonce, and React puts that nonce on the scripts it writes but not on these
// <style> elements, so the policy names their content by hash instead. The content of an inlined
// <style> is the built .css file byte for byte; the build's files do not change while a server runs.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const byDir = new Map<string, string[]>();

/** Base64 SHA-256 of every .css file under <distDir>/static; none when there is no build (next dev). */
export function inlineStyleHashes(distDir: string): string[] {
  let hashes = byDir.get(distDir);
  if (!hashes) {
    hashes = [];
    let files: string[] = [];
    try {
      files = readdirSync(join(distDir, "static"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".css"));
    } catch {
      // no build folder: nothing is inlined
    }
    for (const f of files.sort()) hashes.push(createHash("sha256").update(readFileSync(join(distDir, "static", f))).digest("base64"));
    byDir.set(distDir, hashes);
  }
  return hashes;
}
