import { describe, expect, it } from "vitest";
import { buildLexicon } from "./lexicon.ts";
import { normalizeQuery } from "./normalize.ts";
import { planQuery, type PlanStep } from "./plan.ts";

const lex = buildLexicon(["门诊统筹", "异地就医", "异地", "就医", "备案", "医保码", "住院", "报销", "退休人员", "生育"], {
  corpus: { words: [["转诊", 12, 300], ["押金", 5, 900], ["老人", 9, 4424]], known: [] },
  stopWords: ["了", "的", "在"],
  colloquial: [
    { from: "钱怎么报", to: "报销" },
    { from: "外地", to: "异地" },
    { from: "生孩子", to: "生育" },
  ],
});

/** A step as a short line: rewrite | fields | «query» | [year] | [→ shown wording]. */
const line = (s: PlanStep) => [s.rewrite, s.fields, `«${s.q}»`, s.year ? `year ${s.year}` : "", s.shownFor ? `→ ${s.shownFor}` : s.shownFromHit ? "→ from hit" : ""].filter(Boolean).join(" | ");
const plan = (q: string) => planQuery(normalizeQuery(q), lex).steps.map(line);

describe("query plans", () => {
  it.each<[string, string[]]>([
    ["异地就医备案", ["normalise | text | «异地就医 备案»", 'relax | pinyin | «"yi di jiu yi bei an"» | → from hit']],
    ["门诊通筹", ["repair | text | «门诊统筹» | → 门诊统筹", "normalise | text | «门诊通筹»", 'relax | pinyin | «"men zhen tong chou"» | → from hit']],
    ["转真要什么手续", ["repair | text | «转诊 要什么手续» | → 转诊要什么手续", "normalise | text | «转真要什么手续»", 'relax | pinyin | «"zhuan zhen yao shen me shou xu"» | → from hit']],
    ["yibaoma", ["pinyin | text | «医保码» | → 医保码", 'normalise | pinyin | «"yi bao ma"»', "relax | pinyin | «yi bao ma»"]],
    ["ydjy", ["pinyin | text | «异地就医» | → 异地就医", "normalise | initials | «ydjy»"]],
    ["zhuyuan fei", ['normalise | pinyin | «"zhu yuan fei"»', "relax | pinyin | «zhu yuan fei»"]],
    ["yd jiuyi", ["pinyin | text | «异地就医» | → 异地就医", "normalise | text | «yd jiuyi»"]],
    ["门诊tongchou", ["pinyin | text | «门诊统筹» | → 门诊统筹", "normalise | text | «门诊tongchou»"]],
    ["老人在外地住院了钱怎么报", ["synonyms | text | «异地 住院 报销 老人 在 了»", "normalise | text | «住院 老人 报 在外地 了钱»", 'relax | pinyin | «"lao ren zai wai di zhu yuan le qian bao"» | → from hit']],
    ["2026", ["normalise | text | «» | year 2026", "normalise | text | «2026»"]],
    ["2026年生孩子", ["synonyms | text | «生育» | year 2026", "normalise | text | «生孩子» | year 2026", "synonyms | text | «生育 2026 年»", "normalise | text | «2026 年生孩子»", 'relax | pinyin | «"nian sheng hai zi"» | → from hit']],
    ["", ["normalise | text | «»"]],
  ])("%s", (q, steps) => {
    expect(plan(q)).toEqual(steps);
  });

  it("is the same plan for the same query, full-width and traditional forms included", () => {
    expect(plan("ｙｄ　ｊｉｕｙｉ")).toEqual(plan("yd jiuyi"));
    expect(plan("門診通籌")).toEqual(plan("门诊通筹"));
  });

  it("names the province or city the query asks about", () => {
    expect(planQuery(normalizeQuery("毕节门诊统筹"), lex).place).toBe("520500");
    expect(planQuery(normalizeQuery("2025年贵州省门诊统筹"), lex).place).toBe("520000");
    expect(planQuery(normalizeQuery("异地就医备案"), lex).place).toBeUndefined();
    expect(planQuery(normalizeQuery("menzhen tongchou"), lex).place).toBeUndefined();
  });
});
