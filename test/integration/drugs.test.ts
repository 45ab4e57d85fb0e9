// The national drug list as data, end to end on real Postgres and Meilisearch: import (counts checked,
// re-import a no-op, a file with wrong stated counts refused), and the drug cards search shows for a
// table of queries derived from the file itself: name, pinyin, initials, one wrong character.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import YAML from "yaml";
import { findDrugCards, type ListedDrugCard, mayNameDrug } from "../../lib/catalogue/cards.ts";
import { importCatalogues } from "../../lib/catalogue/import.ts";
import { groupRows, matchForm, nameSyllables } from "../../lib/catalogue/names.ts";
import type { DrugList } from "../../lib/catalogue/schema.ts";
import { normalizeQuery } from "../../lib/query/normalize.ts";
import { toSyllables } from "../../lib/query/pinyin.ts";
import { getIndex } from "../../lib/search/client.ts";
import { drugIndexName, drugSoundPairs } from "../../lib/search/drugs.ts";
import { testContext } from "../support/context.ts";

const SOURCE = join(import.meta.dirname, "../../content/catalogues/nrdl-2025-western.json");
let ctx: Awaited<ReturnType<typeof testContext>>;
let dir: string;
let list: DrugList;

const importHere = (contentDir = dir) =>
  importCatalogues({ contentDir, databaseUrl: ctx.databaseUrl, meiliUrls: [inject("meiliUrl")], meiliKey: inject("meiliKey"), indexName: ctx.indexName });
const drugIndex = () => getIndex(ctx.client, drugIndexName(ctx.indexName));
const target = () => ({ urls: [inject("meiliUrl")], apiKey: inject("meiliKey"), name: drugIndexName(ctx.indexName) });
// As the site looks cards up: gated by the names' syllable pairs (a query sharing none is not sent).
let pairs: Set<string> | null = null;
const cards = async (q: string) => findDrugCards(normalizeQuery(q), target(), (pairs ??= await drugSoundPairs(target())));

let firstImport: Awaited<ReturnType<typeof importHere>>;

beforeAll(async () => {
  ctx = await testContext();
  dir = await mkdtemp(join(tmpdir(), "yibao-drugs-"));
  await mkdir(join(dir, "catalogues"));
  await cp(SOURCE, join(dir, "catalogues/nrdl-2025-western.json"));
  list = JSON.parse(await readFile(SOURCE, "utf8")) as DrugList;
  firstImport = await importHere();
}, 120_000);
afterAll(async () => {
  await ctx.client.deleteIndex(drugIndexName(ctx.indexName)).waitTask().catch(() => {});
  await ctx.close();
  await rm(dir, { recursive: true, force: true });
});

describe("importing the drug list", () => {
  it("stores every row and one drug per grouped name, and indexes each drug, within 30 s", async () => {
    expect(firstImport.errors).toEqual([]);
    expect(firstImport.editions).toEqual([{ id: "nrdl-2025-western", label: "2025年版", rows: 2411, status: "imported" }]);
    expect(await ctx.db.drugEntry.count()).toBe(2411);
    const groups = groupRows(list.drugs);
    expect(await ctx.db.drug.count()).toBe(groups.length);
    expect(firstImport.drugs).toBe(groups.length);
    expect((await drugIndex().getStats()).numberOfDocuments).toBe(groups.length);
    expect(firstImport.ms).toBeLessThan(30_000);
    console.log(`drug list import: ${list.drugs.length} rows, ${groups.length} drugs in ${(firstImport.ms / 1000).toFixed(2)} s`);
    const metformin = await ctx.db.drug.findUniqueOrThrow({ where: { name: "二甲双胍" }, include: { entries: true } });
    expect(metformin.id).toBe("erjiashuanggua");
    expect(metformin.entries.map((e) => e.name)).toContain("二甲双胍、二甲双胍Ⅱ");
  });

  it("changes nothing when run again with the same file", async () => {
    const before = await ctx.db.catalogueEdition.findUniqueOrThrow({ where: { id: "nrdl-2025-western" } });
    const ids = (await ctx.db.drugEntry.aggregate({ _max: { id: true } }))._max.id;
    const indexBefore = (await drugIndex().getRawInfo()).updatedAt;
    const again = await importHere();
    expect(again.editions[0]?.status).toBe("unchanged");
    expect(again.indexed).toEqual([]);
    expect((await ctx.db.catalogueEdition.findUniqueOrThrow({ where: { id: "nrdl-2025-western" } })).importedAt).toEqual(before.importedAt);
    expect((await ctx.db.drugEntry.aggregate({ _max: { id: true } }))._max.id).toBe(ids);
    expect((await drugIndex().getRawInfo()).updatedAt).toEqual(indexBefore);
  });

  it("refuses a file whose rows disagree with the counts it states, and keeps what was stored", async () => {
    const bad = await mkdtemp(join(tmpdir(), "yibao-drugs-bad-"));
    try {
      await mkdir(join(bad, "catalogues"));
      const wrong = structuredClone(list);
      wrong.drugs = wrong.drugs.filter((_, i) => i !== 5); // a row lost on the way: 2,410 rows, 2,411 stated
      await writeFile(join(bad, "catalogues/nrdl-2025-western.json"), JSON.stringify(wrong));
      const r = await importHere(bad);
      expect(r.editions[0]?.status).toBe("refused");
      expect(r.errors[0]?.file).toBe("catalogues/nrdl-2025-western.json");
      expect(r.errors[0]?.message).toMatch(/行数与文件声明的数目不符.*row counts disagree.*stated 2411, 实际 found 2410/s);
      expect(await ctx.db.drugEntry.count()).toBe(2411);
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });

  it("adds a new edition beside the old one; pages keep the edition in force until the new one starts", async () => {
    const two = await mkdtemp(join(tmpdir(), "yibao-drugs-two-"));
    try {
      await mkdir(join(two, "catalogues"));
      await cp(SOURCE, join(two, "catalogues/nrdl-2025-western.json"));
      const next = structuredClone(list);
      next.provenance.edition = "2026年版";
      next.provenance.effective = "2027-01-01";
      await writeFile(join(two, "catalogues/nrdl-2026-western.json"), JSON.stringify(next));
      const r = await importCatalogues({ contentDir: two, databaseUrl: ctx.databaseUrl, meiliUrls: [], indexName: ctx.indexName, today: "2026-12-08" });
      expect(r.editions.map((e) => [e.id, e.status])).toEqual([
        ["nrdl-2025-western", "unchanged"],
        ["nrdl-2026-western", "imported"],
      ]);
      expect(await ctx.db.drugEntry.count()).toBe(4822);
      const { drugDocuments } = await import("../../lib/catalogue/import.ts");
      const before = (await drugDocuments(ctx.db, "2026-12-08")).docs.find((d) => d.id === "erjiashuanggua");
      const after = (await drugDocuments(ctx.db, "2027-01-01")).docs.find((d) => d.id === "erjiashuanggua");
      expect(before?.card.edition.label).toBe("2025年版");
      expect(after?.card.edition.label).toBe("2026年版");
    } finally {
      await ctx.db.catalogueEdition.delete({ where: { id: "nrdl-2026-western" } });
      await rm(two, { recursive: true, force: true });
    }
  });
});

// ---------------------------------------------------------------- the query table, from the file

/** Every Han character by its toneless syllable, for homophone slips (an input method's wrong pick). */
function homophones(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (let c = 0x4e00; c <= 0x9fa5; c++) {
    const ch = String.fromCharCode(c);
    const s = toSyllables(ch)[0];
    if (s) out.set(s, [...(out.get(s) ?? []), ch]);
  }
  return out;
}

type Case = { q: string; how: string; name: string };

function queryTable(): Case[] {
  const groups = groupRows(list.drugs).filter((g) => /^[\u4e00-\u9fff]{3,12}$/.test(g.name));
  const allNames = groupRows(list.drugs).flatMap((g) => g.names.map((n) => ({ drug: g.name, f: matchForm(n) })));
  const initialsOf = (n: string) => nameSyllables(n).map((s) => s[0]).join("");
  const sameInitials = (g: string) => allNames.filter((x) => x.drug !== g && initialsOf(x.f) === initialsOf(g)).length;
  const samePinyin = (g: string) => allNames.filter((x) => x.drug !== g && nameSyllables(x.f).join("") === nameSyllables(g).join("")).length;
  const sounds = homophones();
  const out: Case[] = [];
  // Spread over the whole list: every k-th eligible drug, the query kinds taking turns.
  const step = Math.floor(groups.length / 60);
  const kinds = ["name", "pinyin", "initials", "typo"] as const;
  for (let i = 0, k = 0; i < groups.length && out.length < 50; i += step, k++) {
    const name = groups[i]!.name;
    const how = kinds[k % kinds.length]!;
    if (how === "name") out.push({ q: `${name}能报销吗`, how, name });
    if (how === "pinyin" && !samePinyin(name)) out.push({ q: nameSyllables(name).join(""), how, name });
    if (how === "initials" && !sameInitials(name)) out.push({ q: initialsOf(name), how, name });
    if (how === "typo") {
      const chars = [...name];
      const at = Math.floor(chars.length / 2);
      // Three-character names: a character that sounds the same; longer ones: alternately that, or any other.
      const alike = (sounds.get(toSyllables(chars[at]!)[0]!) ?? []).find((c) => c !== chars[at] && !name.includes(c));
      const other = "蓝";
      const typo = [...chars.slice(0, at), chars.length > 3 && k % 8 === 3 ? other : alike!, ...chars.slice(at + 1)].join("");
      if (!allNames.some((x) => x.f === typo)) out.push({ q: typo, how, name });
    }
  }
  return out;
}

describe("drug cards for a table of 50 queries built from the list", () => {
  it("shows the named drug's card first for its name, pinyin, initials and a one-character slip", async () => {
    const table = queryTable();
    expect(table.length).toBe(50);
    expect(new Set(table.map((c) => c.how))).toEqual(new Set(["name", "pinyin", "initials", "typo"]));
    const ids = new Map((await ctx.db.drug.findMany({ select: { id: true, name: true } })).map((d) => [d.name, d.id]));
    const misses: string[] = [];
    for (const c of table) {
      const [first] = await cards(c.q);
      if (!first || !first.listed || first.id !== ids.get(c.name)) misses.push(`${c.how} ${c.q} → ${first ? first.title : "no card"} (want ${c.name})`);
    }
    expect(misses).toEqual([]);
  });

  it("the issue's own examples: 二甲双胍能报销吗, ermoshuanggua, its initials, a slip", async () => {
    for (const q of ["二甲双胍能报销吗", "ermoshuanggua", "erjiashuanggua", "ejsg", "二甲双瓜", "二甲双胍是甲类还是乙类"]) {
      const [first] = await cards(q);
      expect(first, q).toMatchObject({ listed: true, id: "erjiashuanggua", title: "二甲双胍" });
      const card = first as ListedDrugCard;
      expect(card.classes).toEqual(["甲", "乙"]);
      expect(card.edition).toBe("2025年版，2026年1月1日起执行");
    }
  });

  it("gives a 中成药 the card that says which parts are not held here, never 不在医保目录", async () => {
    for (const q of ["连花清瘟胶囊", "安宫牛黄丸能报销吗", "复方丹参滴丸医保能报吗", "板蓝根颗粒是甲类还是乙类"]) {
      const found = await cards(q);
      expect(found, q).toHaveLength(1);
      expect(found[0], q).toMatchObject({ kind: "drug", listed: false, notIncluded: expect.arrayContaining(["中成药部分", "中药饮片部分"]) });
      expect(JSON.stringify(found)).not.toMatch(/不在.*目录/);
      expect(JSON.stringify(found)).toContain("12393");
    }
  });

  it("shows no drug card for the judged article queries", async () => {
    const judged = YAML.parse(await readFile(join(import.meta.dirname, "../../scripts/bench/relevance-queries.yaml"), "utf8")) as { query: string }[];
    const shown: string[] = [];
    for (const { query } of judged) {
      const found = await cards(query);
      if (found.length) shown.push(`${query} → ${found.map((c) => c.title).join(", ")}`);
    }
    expect(shown).toEqual([]);
    // Most of them never reach the drug index at all.
    const looked = judged.filter(({ query }) => mayNameDrug(normalizeQuery(query), pairs!));
    console.log(`judged article queries looked up in the drug index: ${looked.length} of ${judged.length}`);
    expect(looked.length).toBeLessThan(judged.length / 2);
  });
});
