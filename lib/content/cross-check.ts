// Checks that span files: unique slugs, curated related slugs that exist.
import type { ContentIssue } from "./parse.ts";

export type Entry = { file: string; slug: string; related: string[] };

export function crossCheck(entries: Entry[]): { errors: ContentIssue[]; warnings: ContentIssue[]; duplicates: Set<string> } {
  const errors: ContentIssue[] = [];
  const warnings: ContentIssue[] = [];
  const firstFile = new Map<string, string>();
  const duplicates = new Set<string>();
  for (const e of entries) {
    const other = firstFile.get(e.slug);
    if (other) {
      errors.push({ file: e.file, field: "slug", message: `slug "${e.slug}" is already used by ${other}; this file was skipped` });
      duplicates.add(e.file);
    } else firstFile.set(e.slug, e.file);
  }
  for (const e of entries) {
    for (const r of e.related) {
      if (!firstFile.has(r)) warnings.push({ file: e.file, field: "related", message: `related slug "${r}" does not exist` });
    }
  }
  return { errors, warnings, duplicates };
}
