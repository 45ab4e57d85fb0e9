import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { crossCheck } from "../content/cross-check.ts";
import { listQuestionFiles, loadConfig } from "../content/load.ts";
import { parseQuestion } from "../content/parse.ts";
import type { Article } from "../domain/schema.ts";
import { type FileReport, type ImportInput, importPages, readInputs, writeOutputs } from "./import.ts";
import { FIXTURES, fixture, fixtureBytes } from "./testing.ts";

const GOOD = ["lawyer-single.txt", "lawyer-multi.txt", "region-year.txt", "region-year-no-title.txt", "news.txt"];
const input = (name: string): ImportInput => ({ path: join(FIXTURES, name), bytes: fixtureBytes(name) });
const bad: ImportInput[] = [
  input("empty.txt"),
  input("unknown.txt"),
  input("off-topic-lawyer.txt"),
  { path: "/x/binary.png", bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) },
  { path: "/x/latin1.txt", bytes: Uint8Array.from(Buffer.from("Remboursement médical à l'étranger", "latin1")) },
  { path: "/x/gbk.txt", bytes: Uint8Array.from([0xd2, 0xbd, 0xb1, 0xa3, 0xd4, 0xf5, 0xc3, 0xb4, 0xbd, 0xbb]) }, // 医保怎么交
];
const tmp = mkdtempSync(join(tmpdir(), "import-raw-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const byName = (files: FileReport[], name: string) => files.find((f) => f.path.endsWith(`/${name}`))!;

async function readBack(dir: string): Promise<Map<string, Article>> {
  const config = await loadConfig(dir);
  expect(config.errors).toEqual([]);
  const articles = new Map<string, Article>();
  for (const file of await listQuestionFiles(dir)) {
    const r = parseQuestion(file, readFileSync(join(dir, file), "utf8"), config.context);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    articles.set(r.article.slug, r.article);
  }
  return articles;
}

describe("importPages", () => {
  const result = importPages([...GOOD.map(input), ...bad]);

  it("reports each bad input clearly and imports the others", () => {
    expect(result.files.filter((f) => f.ok)).toHaveLength(GOOD.length);
    const error = (name: string) => {
      const f = byName(result.files, name);
      return f.ok ? "" : f.error;
    };
    expect(error("empty.txt")).toBe("empty file");
    expect(error("unknown.txt")).toMatch(/^unknown page shape/);
    expect(error("off-topic-lawyer.txt")).toContain("not about medical insurance");
    expect(error("binary.png")).toContain("binary");
    expect(error("latin1.txt")).toContain("UTF-8");
    expect(error("gbk.txt")).toContain("UTF-8");
  });

  it("writes nothing that came from a failed file", () => {
    const sources = result.outputs.flatMap((o) => /^source: (.*)$/m.exec(o.text)?.[1]?.split(", ") ?? []);
    expect(new Set(sources)).toEqual(new Set(GOOD));
  });

  it("writes content that ingest accepts: valid files, known advisors, existing related slugs", async () => {
    const out = join(tmp, "valid");
    await writeOutputs(out, result.outputs);
    const articles = await readBack(out);
    expect(articles.size).toBe(result.outputs.filter((o) => o.path.startsWith("questions/")).length);
    const cross = crossCheck([...articles.values()].map((a) => ({ file: a.slug, slug: a.slug, related: a.related })));
    expect(cross.errors).toEqual([]);
    expect(cross.warnings).toEqual([]);
    const advisors = readdirSync(join(out, "advisors"));
    expect(advisors).toHaveLength(4);
    expect(advisors).toEqual(expect.arrayContaining(["imp-ai-answer.yaml", "imp-lawyer-unnamed.yaml"]));
    expect(advisors.filter((f) => /^imp-lawyer-[0-9a-f]{10}\.yaml$/.test(f))).toHaveLength(2);
  });

  it("fills frontmatter from the page: region, year, insurance, dates, links, source", async () => {
    const out = join(tmp, "facts");
    await writeOutputs(out, result.outputs);
    const articles = await readBack(out);
    const report = byName(result.files, "region-year.txt");
    if (!report.ok) throw new Error(report.error);
    const [main, ...rest] = report.articles;
    const m = articles.get(main!.slug)!;
    expect(m).toMatchObject({ region: "430200", year: 2024, insurance: ["resident"], published: "2024-06-03", status: "published", source: "region-year.txt" });
    expect(m.topics).toEqual(["城乡居民医保", "住院报销", "报销比例"]);
    expect(m.related).toEqual(rest.map((a) => a.slug));
    const followUp = articles.get(rest[0]!.slug)!;
    expect(followUp).toMatchObject({ region: "430200", year: 2024, status: "published", related: [m.slug] });
    expect(followUp.answers[0]!.advisor).toBe("imp-ai-answer");
    const related = articles.get(rest[2]!.slug)!;
    expect(related).toMatchObject({ title: "株洲医保电子凭证怎么激活", status: "unanswered", answers: [], related: [m.slug], published: "2024-06-03" });

    const single = byName(result.files, "lawyer-single.txt");
    if (!single.ok) throw new Error(single.error);
    expect(single.warnings).toContain("no date on the page: published set to 2000-01-01");
    const s = articles.get(single.articles[0]!.slug)!;
    expect(s).toMatchObject({ title: "灵活就业断缴医保三个月，还能补缴吗？", insurance: ["employee"], published: "2000-01-01", region: "000000" });
    expect(s.question).toContain("我是跑网约车的");
    expect(s.citations).toEqual([{ title: "中华人民共和国社会保险法", article: "第二十三条", answer: 1 }]);

    const multi = byName(result.files, "lawyer-multi.txt");
    if (!multi.ok) throw new Error(multi.error);
    const mm = articles.get(multi.articles[0]!.slug)!;
    expect(mm.answers.map((a) => a.advisor)).toEqual([expect.stringMatching(/^imp-lawyer-[0-9a-f]{10}$/), "imp-lawyer-unnamed"]);
    expect(mm.citations.map((c) => c.answer)).toEqual([1, 2]);
    expect(multi.counts).toEqual({ questions: 1, followUps: 0, answers: 2, citations: 2, related: 2, dropped: { boilerplate: 3, "view-count": 4, "off-topic": 2, duplicate: 0 } });
  });

  it("is deterministic: the same files give the same slugs and bytes, and a rewrite changes nothing", async () => {
    const again = importPages([...bad, ...GOOD.map(input)].reverse());
    expect(again.outputs).toEqual(result.outputs);
    const out = join(tmp, "twice");
    const first = await writeOutputs(out, result.outputs);
    const second = await writeOutputs(out, again.outputs);
    expect(first).toEqual({ written: result.outputs.length, unchanged: 0 });
    expect(second).toEqual({ written: 0, unchanged: result.outputs.length });
  });

  it("reads CRLF line endings and a BOM the same way", () => {
    const lf = importPages([input("region-year.txt")]);
    const crlf = importPages([{ path: "/elsewhere/region-year.txt", bytes: new TextEncoder().encode(`\uFEFF${fixture("region-year.txt").replace(/\n/g, "\r\n")}`) }]);
    expect(crlf.outputs).toEqual(lf.outputs);
  });

  it("writes a question recommended by two pages once, linked from both", () => {
    const a = "法律咨询\n\n医保断缴了怎么补?\n\n社会保险\n2024-01-05 10:00:00\n共有1位律师解答\n  • 到医保经办窗口申请补缴。\n相关知识推荐\n医保断缴后重新参保有等待期吗\n社保知识 120\n";
    const r = importPages([input("lawyer-single.txt"), { path: "/x/other.txt", bytes: new TextEncoder().encode(a) }]);
    const shared = r.outputs.filter((o) => o.text.includes("title: 医保断缴后重新参保有等待期吗"));
    expect(shared).toHaveLength(1);
    expect(shared[0]!.text).toContain("source: lawyer-single.txt, other.txt");
    expect(/^related: \[(.*)\]$/m.exec(shared[0]!.text)![1]!.split(", ")).toHaveLength(2);
  });
});

describe("readInputs", () => {
  it("walks folders for .txt files and reports missing paths", async () => {
    const r = await readInputs([FIXTURES, join(FIXTURES, "nope.txt")]);
    expect(r.inputs.map((i) => i.path.split("/").pop())).toEqual(
      ["empty.txt", "lawyer-multi.txt", "lawyer-single.txt", "news.txt", "off-topic-lawyer.txt", "region-year-no-title.txt", "region-year.txt", "unknown.txt"],
    );
    expect(r.missing).toEqual([join(FIXTURES, "nope.txt")]);
  });
});
