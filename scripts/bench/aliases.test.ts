// The shipped articles' 相似问法 (frontmatter `aliases`) are ways readers ask, written for the readers:
// none may be a judged query of the relevance benchmark, or so close to one that the benchmark would
// measure a copy instead of search. Also the colloquial groups: no `says` may be a judged query.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, it } from "vitest";
import { parse } from "yaml";
import { listQuestionFiles } from "../../lib/content/load.ts";
import { normalizeQuery } from "../../lib/query/normalize.ts";

const judged = (parse(await readFile("scripts/bench/relevance-queries.yaml", "utf8")) as { query: string }[]).map((q) => flat(q.query));

function flat(s: string): string {
  return normalizeQuery(s).display.replace(/[^\p{L}\p{N}]+/gu, "");
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

/** Dice coefficient of character bigrams: 1 for the same string, 0 for nothing in common. */
export function dice(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return (2 * common) / (x.size + y.size);
}

async function shippedAliases(): Promise<{ slug: string; alias: string }[]> {
  const out: { slug: string; alias: string }[] = [];
  for (const file of await listQuestionFiles("content")) {
    const text = await readFile(join("content", file), "utf8");
    const front = parse(text.split(/^---$/m)[1] ?? "") as { aliases?: string[] };
    for (const alias of front.aliases ?? []) out.push({ slug: file, alias });
  }
  return out;
}

it("tells a copy from a different phrasing", () => {
  expect(dice("新农合能在外地看病吗", "新农合能在外地看病吗")).toBe(1);
  expect(dice("新农合能在外地看病吗", "农村医保到城里或外省看病能用吗")).toBeLessThan(0.6);
});

it("ships aliases that are not judged queries nor near copies of one", async () => {
  const aliases = await shippedAliases();
  expect(aliases.length).toBeGreaterThan(50);
  const close = aliases.flatMap(({ slug, alias }) =>
    judged.filter((q) => { const a = flat(alias); return a === q || a.includes(q) || q.includes(a) || dice(a, q) >= 0.6; }).map((q) => `${slug}: “${alias}” ~ “${q}”`),
  );
  expect(close).toEqual([]);
});

it("keys no colloquial group to a judged query", async () => {
  const vocabulary = parse(await readFile("content/search/vocabulary.yaml", "utf8")) as { colloquial: { says: string[] }[] };
  const says = vocabulary.colloquial.flatMap((g) => g.says.map(flat));
  expect(says.filter((s) => judged.includes(s))).toEqual([]);
});
