// content:check refuses exactly what ingest refuses: each bad-file case below is written into a copy of
// the fixture content, and the files content:check reports must be the files `npm run ingest` reports.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, inject, it } from "vitest";
import { checkContent } from "../../lib/content/check.ts";
import { runIngest } from "../../lib/content/run-ingest.ts";
import { sandbox } from "../support/context.ts";

const YIDI = "questions/yidi-beian.md";
type Break = (dir: string) => Promise<void>;
const edit = (file: string, from: string, to: string): Break => async (dir) => {
  const path = join(dir, file);
  const text = await readFile(path, "utf8");
  if (!text.includes(from)) throw new Error(`${file} does not contain ${from}`);
  await writeFile(path, text.replace(from, to));
};

const cases: [string, Break][] = [
  ["a region that does not exist", edit(YIDI, 'region: "000000"', 'region: "999999"')],
  ["an unknown advisor", edit(YIDI, 'advisor="test-lawyer"', 'advisor="nobody-here"')],
  ["front matter that is not YAML", edit(YIDI, "---\ntitle:", "---\ntitle: [unclosed\nx:")],
  ["two files with one slug", async (dir) => writeFile(join(dir, "questions/copy.md"), (await readFile(join(dir, YIDI), "utf8")).replace("---\ntitle", "---\nslug: yidi-beian\ntitle"))],
  ["a word in two synonym groups", edit("search/vocabulary.yaml", "[城乡居民医保, 新农合]", "[城乡居民医保, 新农合, 备案]")],
  ["a file that is not UTF-8", async (dir) => writeFile(join(dir, "questions/gbk.md"), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xd2, 0xbd, 0xb1, 0xa3, 0x0a]))],
  ["an advisor file with a bad name", async (dir) => writeFile(join(dir, "advisors/Bad Name.yaml"), "name: 某人\n")],
];

for (const [name, breakIt] of cases) {
  it(`content:check and ingest both refuse ${name}, naming the same files`, async () => {
    const sb = await sandbox();
    await breakIt(sb.content);
    const checked = await checkContent(sb.content);
    const ingested = await runIngest({ contentDir: sb.content, databaseUrl: sb.databaseUrl, meiliUrls: [inject("meiliUrl")], meiliKey: inject("meiliKey"), indexName: sb.index.uid, out: () => {} });
    const files = (issues: { file: string }[]) => [...new Set(issues.map((i) => i.file))].sort();
    expect(files(checked.errors).length).toBeGreaterThan(0);
    expect(files(checked.errors)).toEqual(files(ingested.errors));
  });
}

it("finds nothing wrong with the fixture content, as ingest does", async () => {
  const sb = await sandbox();
  expect((await checkContent(sb.content)).errors).toEqual([]);
});
