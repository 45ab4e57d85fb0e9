import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseArgs, runCli } from "./cli.ts";
import { FIXTURES } from "./testing.ts";

const tmp = mkdtempSync(join(tmpdir(), "import-raw-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
// An empty content tree: no existing advisors, no topic vocabulary.
const contentDir = join(tmp, "content");
mkdirSync(contentDir);

async function run(...argv: string[]) {
  const lines: string[] = [];
  const code = await runCli(argv, { out: (l) => lines.push(l), cwd: tmp, contentDir });
  return { code, lines, text: lines.join("\n") };
}

describe("import:raw CLI", () => {
  it("prints a report per file and writes nothing on --dry-run", async () => {
    const r = await run(join(FIXTURES, "region-year.txt"), join(FIXTURES, "lawyer-multi.txt"), "--dry-run");
    expect(r.code).toBe(0);
    expect(r.text).toMatch(/^ok {4}\S*region-year\.txt {2}region-year: questions 3 \(follow-ups 2\), answers 3, citations 0, related 1, dropped 2 \(boilerplate 1, off-topic 1\)$/m);
    expect(r.text).toContain("region 430200 湖南省株洲市, year 2024");
    expect(r.text).toMatch(/lawyer-multi: questions 1 \(follow-ups 0\), answers 2, citations 2, related 2, dropped 9/);
    expect(r.text).toContain("category 社会保险; answered by 孙慧（律师）, 未署名律师（律师）");
    expect(r.lines.at(-1)).toBe("2 imported, 0 failed; would write 7 articles and 3 advisors to imported/ (dry run: nothing written)");
    expect(existsSync(join(tmp, "imported"))).toBe(false);
  });

  it("writes to --out, exits 1 when a file fails, and still imports the others", async () => {
    const bin = join(tmp, "page.bin");
    writeFileSync(bin, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]));
    const r = await run(join(FIXTURES, "news.txt"), bin, join(FIXTURES, "empty.txt"), "missing.txt", "--out", "review");
    expect(r.code).toBe(1);
    expect(r.text).toContain("FAIL  missing.txt  no such file or folder");
    expect(r.text).toContain("FAIL  page.bin  binary file (contains NUL bytes), not a text page; nothing written for this file");
    expect(r.text).toMatch(/FAIL {2}\S*empty\.txt {2}empty file; nothing written for this file/);
    expect(readdirSync(join(tmp, "review", "questions"))).toHaveLength(2);
    expect(readdirSync(join(tmp, "review", "advisors"))).toEqual(["imp-ai-answer.yaml"]);
    expect(r.text).toContain("1 imported, 3 failed; 2 articles and 1 advisors in review/ (3 written, 0 unchanged)");
    const again = await run(join(FIXTURES, "news.txt"), "--out=review");
    expect(again.code).toBe(0);
    expect(again.text).toContain("(0 written, 3 unchanged)");
  });

  it("lists every article and dropped block with --verbose", async () => {
    const r = await run(join(FIXTURES, "news.txt"), "-n", "-v");
    expect(r.text).toMatch(/\+ published {2}imp-[0-9a-f]{10} {2}职工医保个人账户的钱可以给父母用吗/);
    expect(r.text).toMatch(/\+ unanswered imp-[0-9a-f]{10} {2}个人账户余额可以取现吗/);
    expect(r.text).toMatch(/- off-topic {2}膝盖疼是什么原因引起的/);
  });

  it("refuses to write into the content folder and explains usage errors", async () => {
    const r = await run(join(FIXTURES, "news.txt"), "--out", "content/questions");
    expect(r.code).toBe(2);
    expect(r.text).toContain("inside the content folder");
    expect((await run()).code).toBe(2);
    expect(parseArgs(["a.txt", "--bogus"]).error).toBe("unknown option --bogus");
    expect((await run("--help")).text).toContain("usage: npm run import:raw");
  });
});
