// Drug names as the list prints them → the name a page is about, the names a reader may type, the id in
// the URL. Pure: the importer and the tests derive everything from the file through these functions.
import { createHash } from "node:crypto";
import { toSyllables } from "../query/pinyin.ts";
import { type DrugList, type DrugRow, SECTIONS } from "./schema.ts";

const ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ";

/** Parenthesised / bracketed parts ("(美沙拉嗪)", "[重组人促红素(CHO细胞)]", "(18AA-Ⅰ)"), innermost first. */
function bracketed(name: string): string[] {
  const out: string[] = [];
  let s = name;
  const inner = /[(（[［]([^()（）[\]［］]*)[)）\]］]/;
  for (let m = inner.exec(s); m; m = inner.exec(s)) {
    out.push(m[1]!);
    s = s.slice(0, m.index) + s.slice(m.index + m[0].length);
  }
  return out;
}

function withoutBrackets(name: string): string {
  let s = name;
  const inner = /[(（[［][^()（）[\]［］]*[)）\]］]/;
  while (inner.test(s)) s = s.replace(inner, "");
  return s;
}

/**
 * The name a page is about: the first of stacked names ("二甲双胍、二甲双胍Ⅱ"), without its bracketed
 * parts (specifications such as "(18AA)", routes, alternative names) and without a trailing variant
 * numeral ("Ⅱ", "Ⅰ型"), so that numbered variants share a page. A numeral after 因子 names a different
 * substance (凝血因子Ⅷ, Ⅸ) and stays.
 */
export function groupName(printed: string): string {
  const first = printed.split("、")[0]!;
  let s = withoutBrackets(first).replace(/\s+/g, "").replace(/[-/]+$/, "");
  const variant = new RegExp(`(?<!因子)[${ROMAN}]+型?$`);
  s = s.replace(variant, "");
  return s || first;
}

// Bracketed parts that describe a product (cell line, route, form) rather than name it.
const NOT_A_NAME = /(细胞|注射|输注|结合型|预充式|假单胞菌|酵母|大豆油)$/;

/** Every name a reader might type for a row: each stacked name, with and without its brackets, the
 * alternative names in brackets ("(美沙拉嗪)"), the products a grouped row covers. */
export function rowNames(row: Pick<DrugRow, "name_zh" | "includes">): string[] {
  const out = new Set<string>();
  for (const name of row.name_zh.split("、")) {
    out.add(name.trim());
    out.add(withoutBrackets(name).trim());
    out.add(groupName(name));
    for (const part of bracketed(name)) {
      const alt = part.replace(/^又称[:：]/, "").trim();
      const han = alt.replace(/[^\u4e00-\u9fff]/g, "");
      if (han.length >= 3 && !NOT_A_NAME.test(alt)) out.add(alt);
    }
  }
  for (const p of row.includes ?? []) {
    out.add(p);
    out.add(withoutBrackets(p));
  }
  return [...out].filter((n) => n.length > 0);
}

/** A name or query as compared: NFKC, lower case, letters, digits and Han only. */
export function matchForm(s: string): string {
  return s.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/** Toneless syllables of a name, Latin letters and digits kept as they are ("维生素B1" → wei sheng su b1). */
export function nameSyllables(name: string): string[] {
  const out: string[] = [];
  for (const part of matchForm(name).match(/[\u4e00-\u9fff]+|[^\u4e00-\u9fff]+/g) ?? []) {
    if (/[\u4e00-\u9fff]/.test(part)) out.push(...toSyllables(part));
    else out.push(part);
  }
  return out;
}

/** The URL id a name would get: its pinyin, letters and digits only ("二甲双胍" → erjiashuanggua). */
export function slugOf(name: string): string {
  const s = nameSyllables(name).join("").replace(/[^a-z0-9]/g, "");
  return s || `drug-${shortHash(name)}`;
}

export function shortHash(s: string): string {
  return createHash("sha256").update(s).digest("hex").slice(0, 6);
}

export type GroupedDrug = { name: string; rows: number[]; names: string[] };

/** The file's rows grouped by the name a page is about, in the order of first appearance. */
export function groupRows(rows: DrugRow[]): GroupedDrug[] {
  const byName = new Map<string, GroupedDrug>();
  rows.forEach((row, i) => {
    const name = groupName(row.name_zh);
    let g = byName.get(name);
    if (!g) byName.set(name, (g = { name, rows: [], names: [] }));
    g.rows.push(i);
    for (const n of rowNames(row)) if (!g.names.includes(n)) g.names.push(n);
  });
  return [...byName.values()];
}

/**
 * Ids for new names: the pinyin, unless another name already has it (homophones), then the pinyin and a
 * short hash of the name. Names that already have an id keep it, so pages never move.
 */
export function assignIds(names: string[], existing: Map<string, string>): Map<string, string> {
  const taken = new Set(existing.values());
  const out = new Map<string, string>();
  for (const name of names) {
    const known = existing.get(name);
    if (known) {
      out.set(name, known);
      continue;
    }
    let id = slugOf(name);
    if (taken.has(id)) id = `${id}-${shortHash(name)}`;
    taken.add(id);
    out.set(name, id);
  }
  return out;
}

export type CountMismatch = { what: string; stated: number; found: number };

/** The counts the file states against the counts of its rows; empty when they agree. */
export function countMismatches(list: DrugList): CountMismatch[] {
  const c = list.provenance.counts;
  const rows = list.drugs;
  const west = rows.filter((r) => r.section === SECTIONS.western);
  const numbers = new Set(west.map((r) => r.primary_no));
  const jia = new Set(west.filter((r) => r.class === "甲").map((r) => r.primary_no));
  const checks: [string, number, number][] = [
    ["rows 全部行数", c.drugs_rows_total, rows.length],
    ["西药部分 rows 行数", c.west_part_rows, west.length],
    ["西药部分 numbers 编号数", c.west_part_numbers, numbers.size],
    ["西药部分 甲类 numbers 甲类编号数", c.west_part_class_jia_numbers, jia.size],
    ["谈判药品 rows 行数", c.negotiated_west, rows.filter((r) => r.section === SECTIONS.negotiated).length],
    ["竞价药品 rows 行数", c.bidding_west, rows.filter((r) => r.section === SECTIONS.bidding).length],
    ["rows with a restriction 有限定支付范围的行数", c.rows_with_restriction, rows.filter((r) => r.restriction).length],
  ];
  return checks.filter(([, stated, found]) => stated !== found).map(([what, stated, found]) => ({ what, stated, found }));
}
