// Imports the five seed pages (test/fixtures/seeds): real pages of each shape the importer must read.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseQuestion } from "../content/parse.ts";
import { detectShape } from "./detect.ts";
import { importPages, readInputs } from "./import.ts";
import { SEEDS } from "./testing.ts";

type Expected = {
  shape: string;
  questions: number;
  answers: number;
  citations: number;
  related: number;
  offTopic: number;
  boilerplate: number;
  region: string;
  year?: number;
};

const EXPECTED: Record<string, Expected> = {
  "000": { shape: "lawyer-single", questions: 1, answers: 1, citations: 1, related: 20, offTopic: 0, boilerplate: 1, region: "000000" },
  "001": { shape: "news", questions: 1, answers: 1, citations: 0, related: 13, offTopic: 7, boilerplate: 1, region: "000000" },
  "002": { shape: "lawyer-multi", questions: 1, answers: 3, citations: 3, related: 4, offTopic: 6, boilerplate: 3, region: "000000" },
  "003": { shape: "region-year", questions: 4, answers: 4, citations: 0, related: 20, offTopic: 0, boilerplate: 1, region: "520500", year: 2025 },
  "004": { shape: "region-year", questions: 4, answers: 4, citations: 0, related: 0, offTopic: 0, boilerplate: 0, region: "210300", year: 2025 },
};

describe("seed pages", async () => {
  const { inputs, skipped } = await readInputs([SEEDS]);
  const result = importPages(inputs);
  const report = (prefix: string) => {
    const f = result.files.find((x) => x.path.split("/").pop()!.startsWith(`${prefix}_`));
    if (!f?.ok) throw new Error(`${prefix}: ${f ? f.error : "missing"}`);
    return f;
  };

  it("imports every .txt seed and skips the README", () => {
    expect(result.files.map((f) => f.ok)).toEqual([true, true, true, true, true]);
    expect(skipped.map((s) => s.split("/").pop())).toEqual(["README.md"]);
  });

  it.each(Object.entries(EXPECTED))("seed %s: shape and extraction counts", (prefix, e) => {
    const f = report(prefix);
    const text = readFileSync(f.path, "utf8");
    expect(detectShape(text).shape).toBe(e.shape);
    expect(f.shape).toBe(e.shape);
    expect(f.counts).toMatchObject({ questions: e.questions, followUps: e.questions - 1, answers: e.answers, citations: e.citations, related: e.related });
    expect(f.counts.dropped["off-topic"]).toBe(e.offTopic);
    expect(f.counts.dropped.boilerplate).toBe(e.boilerplate);
    expect(f.region).toBe(e.region);
    expect(f.year).toBe(e.year);
  });

  it("names the answerers and keeps the 法律依据 of the multi-answer page", () => {
    expect(report("000").answerers).toEqual(["张凯（执业律师）"]);
    expect(report("002").answerers).toEqual(["未署名律师（律师）"]);
    expect(report("002").category).toBe("劳动纠纷");
    const page = result.outputs.find((o) => o.text.includes("title: 省内异地医疗保险是否需要备案？"))!.text;
    expect(page).toContain("  - title: 社会保险法\n    article: 第二十八条\n");
    expect(page).toContain("  - title: 中华人民共和国城镇职工基本医疗保险条例\n    article: 第二条\n");
    expect(page).toContain("  - title: 关于加快推进我省门诊费用跨省直接结算相关工作的通知\n    article: 第二条\n");
  });

  it("turns follow-ups into articles linked to the main question", () => {
    expect(report("003").articles.filter((a) => a.kind === "follow-up").map((a) => a.title)).toEqual([
      "2025年贵州毕节医保门诊统筹的报销比例是多少",
      "贵州毕节医保门诊统筹与住院统筹的区别是什么",
      "贵州毕节医保门诊统筹的异地结算流程和所需材料有哪些",
    ]);
    expect(report("004").articles.filter((a) => a.kind === "follow-up").map((a) => a.title)).toEqual([
      "2025年辽宁鞍山医保门诊共济政策的具体规定有哪些",
      "鞍山医保门诊共济绑定医院后如何查看就医记录",
      "2025年辽宁鞍山医保门诊共济的报销比例是多少",
    ]);
  });

  it("drops the off-topic recommendations and keeps on-topic ones", () => {
    const titles = result.outputs.map((o) => /^title: (.*)$/m.exec(o.text)?.[1]).filter(Boolean);
    for (const gone of ["2025年山东东营治疗抽筋什么医院好", "排便不尽感正常吗", "民间欠债不还怎么起诉"]) expect(titles).not.toContain(gone);
    for (const kept of ["农村信用社如何交新农合医疗保险", "同省异地医保可以用吗", "张家口异地就医报销比例"]) expect(titles).toContain(kept);
  });

  it("writes only files that pass the content parser", () => {
    const advisors = new Set(result.outputs.filter((o) => o.path.startsWith("advisors/")).map((o) => o.path.slice(9, -5)));
    for (const o of result.outputs.filter((x) => x.path.startsWith("questions/"))) {
      const r = parseQuestion(o.path, o.text, { advisors });
      expect(r.ok, o.path).toBe(true);
    }
  });
});
