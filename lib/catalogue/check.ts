// Reads and checks one catalogue file without any database: its name, JSON, the zod schema, and its
// rows counted against the counts it states. Shared by the importer and `npm run content:check`.
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import type { ContentIssue } from "../domain/schema.ts";
import { countMismatches } from "./names.ts";
import { type DrugList, drugListSchema } from "./schema.ts";

export const CATALOGUE_DIR = "catalogues";
/** `<list>-<year>-<part>.json`, e.g. nrdl-2025-western.json. */
const FILE_NAME = /^([a-z]+)-(\d{4})-([a-z]+)\.json$/;

export type CatalogueFile = { id: string; catalogue: string; part: string; list: DrugList };

/** The catalogue files under CONTENT_DIR/catalogues, relative to CONTENT_DIR, in name order. */
export async function listCatalogueFiles(contentDir: string): Promise<string[]> {
  const dir = join(contentDir, CATALOGUE_DIR);
  return existsSync(dir) ? (await readdir(dir)).filter((f) => f.endsWith(".json")).sort().map((f) => `${CATALOGUE_DIR}/${f}`) : [];
}

export function fileIssue(rel: string): ContentIssue | null {
  return FILE_NAME.test(rel.split("/").pop()!) ? null : { file: rel, message: "文件名应为“目录-年份-部分.json”，如 nrdl-2025-western.json / the file name must be <list>-<year>-<part>.json" };
}

/** The file's contents as the site reads them, or the first thing wrong with it (in Chinese and English). */
export function checkCatalogue(rel: string, bytes: Buffer): CatalogueFile | { issue: ContentIssue } {
  const badName = fileIssue(rel);
  if (badName) return { issue: badName };
  const [, catalogue, year, part] = FILE_NAME.exec(rel.split("/").pop()!)!;
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString("utf8"));
  } catch (e) {
    return { issue: { file: rel, message: `不是有效的 JSON / not valid JSON: ${(e as Error).message}` } };
  }
  const parsed = drugListSchema.safeParse(raw);
  if (!parsed.success) return { issue: { file: rel, message: `格式不符 / does not match the catalogue format:\n${z.prettifyError(parsed.error)}` } };
  const list = parsed.data;
  const wrong = countMismatches(list);
  if (wrong.length) {
    const lines = wrong.map((w) => `${w.what}: 文件声明 stated ${w.stated}, 实际 found ${w.found}`).join("; ");
    return { issue: { file: rel, message: `行数与文件声明的数目不符，拒绝导入（已有数据不变）/ row counts disagree with the counts the file states; not imported (stored data unchanged): ${lines}` } };
  }
  if (list.provenance.edition.slice(0, 4) !== year) {
    return { issue: { file: rel, message: `文件名的年份 ${year} 与版本“${list.provenance.edition}”不符 / the year in the file name disagrees with the edition` } };
  }
  return { id: rel.split("/").pop()!.replace(/\.json$/, ""), catalogue: catalogue!, part: part!, list };
}

/** Every catalogue file checked (content:check): the issues, and how many rows the valid ones hold. */
export async function checkCatalogues(contentDir: string): Promise<{ errors: ContentIssue[]; files: number; rows: number }> {
  const errors: ContentIssue[] = [];
  let rows = 0;
  const files = await listCatalogueFiles(contentDir);
  for (const rel of files) {
    const r = checkCatalogue(rel, await readFile(join(contentDir, rel)));
    if ("issue" in r) errors.push(r.issue);
    else rows += r.list.drugs.length;
  }
  return { errors, files: files.length, rows };
}
