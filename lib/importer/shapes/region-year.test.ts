import { describe, expect, it } from "vitest";
import { fixture } from "../testing.ts";
import type { ExtractedPage } from "../types.ts";
import { parseRegionYear } from "./region-year.ts";

function page(name: string): ExtractedPage {
  const r = parseRegionYear(fixture(name));
  if (!r.ok) throw new Error(r.error);
  return r.page;
}

describe("parseRegionYear", () => {
  it("separates the main answer from the follow-up questions answered on the page", () => {
    const p = page("region-year.txt");
    expect(p.main.title).toBe("2024湖南株洲城乡居民医保住院报销比例是多少");
    expect(p.followUps.map((f) => f.title)).toEqual(["株洲城乡居民医保年度最高能报多少", "2024年株洲居民医保转诊到长沙住院怎么报销"]);
    expect(p.followUps.every((f) => f.answers.length === 1 && f.answers[0]!.answerer.kind === "ai")).toBe(true);
    expect(p.followUps[0]!.answers[0]!.body).toContain("- 大病保险起付线以当年公布为准。\n- 困难群众另有医疗救助。");
    expect(p.date).toBe("2024-06-03");
  });

  it("keeps the main answer's lists as Markdown lists, section labels in bold", () => {
    const body = page("region-year.txt").main.answers[0]!.body;
    expect(body).toContain("**起付标准**\n\n- 乡镇卫生院：200元\n- 县级医院：500元");
    expect(body).toContain("1. 乡镇卫生院\n    - 政策范围内费用报销85%\n2. 县级医院");
    expect(body).not.toContain("面诊");
    expect(body).not.toContain("株洲城乡居民医保年度最高能报多少");
  });

  it("reads the 相关推荐 news items with their dates", () => {
    const p = page("region-year.txt");
    expect(p.recommended).toEqual([
      expect.objectContaining({ title: "株洲哪家医院看腰椎间盘突出好", date: "2024-06-03", bodyKind: "excerpt" }),
      expect.objectContaining({ title: "株洲医保电子凭证怎么激活", date: "2024-06-03" }),
    ]);
  });

  it("takes a title from the first clause when the page starts with the answer", () => {
    const p = page("region-year-no-title.txt");
    expect(p.main.title).toBe("2024年江苏徐州职工医保个人账户可以给家人用");
    expect(p.warnings[0]).toContain("no title line");
    expect(p.main.answers[0]!.body).toMatch(/^2024年江苏徐州职工医保个人账户可以给家人用，绑定后/u);
    expect(p.main.answers[0]!.body).toContain("- 线上办理：\n    - 打开医保小程序，进入家庭共济。");
    expect(p.followUps.map((f) => f.title)).toEqual(["徐州医保家庭共济绑定后多久生效", "2024年徐州职工医保个人账户每月划入多少"]);
    expect(p.recommended).toEqual([]);
  });
});
