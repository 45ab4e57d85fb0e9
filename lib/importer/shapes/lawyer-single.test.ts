import { describe, expect, it } from "vitest";
import { fixture } from "../testing.ts";
import type { ExtractedPage } from "../types.ts";
import { parseLawyerSingle } from "./lawyer-single.ts";

function page(text: string): ExtractedPage {
  const r = parseLawyerSingle(text);
  if (!r.ok) throw new Error(r.error);
  return r.page;
}

describe("parseLawyerSingle", () => {
  const p = page(fixture("lawyer-single.txt"));

  it("reads the title, the question body and the answerer", () => {
    expect(p.main.title).toBe("灵活就业断缴医保三个月,还能补缴吗?");
    expect(p.main.body).toMatch(/^我是跑网约车的.*断缴这几个月看病能不能报\?$/u);
    expect(p.main.answers).toHaveLength(1);
    expect(p.main.answers[0]!.answerer).toEqual({ kind: "lawyer", name: "刘明远", title: "执业律师", helped: 2315 });
  });

  it("keeps the answer with its list and its cited law, without the disclaimer", () => {
    const a = p.main.answers[0]!;
    expect(a.body).toContain("1. 先到当地医保经办窗口或线上平台查询断缴月份；\n2. 按规定补缴");
    expect(a.body).not.toContain("仅供参考");
    expect(a.citations).toEqual([{ title: "中华人民共和国社会保险法", article: "第二十三条" }]);
  });

  it("lists every related question with its description, once", () => {
    expect(p.recommended.map((r) => r.title)).toEqual(["灵活就业人员医保一个月交多少钱?", "离婚后孩子的抚养费怎么计算?", "医保断缴后重新参保有等待期吗?"]);
    expect(p.recommended[0]!.body).toContain("我刚辞职,打算自己交医保");
    expect(p.recommended[0]!.bodyKind).toBe("question");
    expect(p.dropped.map((d) => d.reason).sort()).toEqual(["boilerplate", "boilerplate", "duplicate"]);
  });

  it("reads several lawyers stacked on one page, firm and date lines, and 万 counts", () => {
    const two = page(
      ["退休后医保还要交吗?", "", "陈思远执业律师", "某某律师事务所", "已帮助 1.2万 人解决法律问题", "2024-03-02", "", "缴费年限够了就不用交。", "", "黄晓律师", "已帮助 310 人解决法律问题", "", "年限不够可以补足。"].join("\n"),
    );
    expect(two.main.answers.map((a) => a.answerer)).toEqual([
      { kind: "lawyer", name: "陈思远", title: "执业律师", organisation: "某某律师事务所", helped: 12000 },
      { kind: "lawyer", name: "黄晓", title: "律师", helped: 310 },
    ]);
    expect(two.main.answers.map((a) => a.body)).toEqual(["缴费年限够了就不用交。", "年限不够可以补足。"]);
    expect(two.date).toBe("2024-03-02");
  });

  it("reads a related list of bare titles, one item per line", () => {
    const p = page("异地住院怎么报销?\n周婷婷执业律师\n已帮助 56 人解决法律问题\n先确认是否备案。\n相关问题\n异地住院没备案能报多少?\n异地就医备案后多久可以用?");
    expect(p.recommended).toEqual([{ title: "异地住院没备案能报多少?" }, { title: "异地就医备案后多久可以用?" }]);
  });

  it("fails clearly without an answerer", () => {
    expect(parseLawyerSingle("医保怎么交\n\n按年缴纳。")).toEqual({ ok: false, error: expect.stringContaining("已帮助") });
  });
});
