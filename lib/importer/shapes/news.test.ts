import { describe, expect, it } from "vitest";
import { fixture } from "../testing.ts";
import { parseNews } from "./news.ts";

describe("parseNews", () => {
  it("reads the answer in steps and every 相关推荐 item ending in 健康新闻 DATE", () => {
    const r = parseNews(fixture("news.txt"));
    if (!r.ok) throw new Error(r.error);
    const p = r.page;
    expect(p.main.title).toBe("职工医保个人账户的钱可以给父母用吗");
    expect(p.main.answers[0]!.body).toContain("1. 确认亲属关系：被共济人须是本人的配偶、父母或子女");
    expect(p.main.answers[0]!.body).toContain("3. 就医使用");
    expect(p.followUps).toEqual([]);
    expect(p.recommended.map((i) => [i.title, i.date])).toEqual([
      ["膝盖疼是什么原因引起的", "2025-02-20"],
      ["个人账户余额可以取现吗", "2025-02-20"],
      ["2025年合肥哪家医院治疗失眠效果好", "2025-02-21"],
    ]);
    expect(p.date).toBe("2025-02-21");
    expect(p.dropped).toEqual([{ reason: "boilerplate", text: "提示:本内容不能代替面诊,如有不适请尽快就医。" }]);
  });

  it("still finds the items when the 相关推荐 heading is missing", () => {
    const r = parseNews(fixture("news.txt").replace("相关推荐\n", "").replace(/提示:.*\n/u, ""));
    if (!r.ok) throw new Error(r.error);
    expect(r.page.recommended).toHaveLength(3);
    expect(r.page.main.answers[0]!.body).not.toContain("膝盖");
  });
});
