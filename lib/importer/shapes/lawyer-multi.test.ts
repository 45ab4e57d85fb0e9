import { describe, expect, it } from "vitest";
import { fixture } from "../testing.ts";
import { parseLawyerMulti } from "./lawyer-multi.ts";

describe("parseLawyerMulti", () => {
  const r = parseLawyerMulti(fixture("lawyer-multi.txt"));
  if (!r.ok) throw new Error(r.error);
  const p = r.page;

  it("reads title, description, category, timestamp and the declared answer count", () => {
    expect(p.main.title).toBe("单位没给交生育保险,生孩子的费用能找谁报?");
    expect(p.main.body).toBe("我在一家小公司上班,今年生了孩子,去报生育津贴才发现单位一直没给我交生育保险。");
    expect(p.category).toBe("社会保险");
    expect(p.date).toBe("2024-08-19");
    expect(p.declaredAnswers).toBe(2);
    expect(p.warnings).toEqual([]);
  });

  it("splits the answers, naming the lawyer when the page does", () => {
    expect(p.main.answers.map((a) => a.answerer)).toEqual([{ kind: "lawyer", name: "孙慧", title: "律师" }, { kind: "unnamed-lawyer" }]);
    expect(p.main.answers[0]!.body).toBe(
      "单位未依法缴纳生育保险，导致职工不能享受生育保险待遇的，一般由单位按当地标准支付。\n\n1. 先与单位协商，要求按当地标准支付生育医疗费和生育津贴；\n2. 协商不成，可向劳动保障监察部门投诉，或申请劳动仲裁。",
    );
    // Stray "【" and the 【法律分析】 label are gone; the 温馨提示 block too.
    expect(p.main.answers[1]!.body).toBe("可以要求单位承担。\n\n生育保险跨省报销也要看参保地政策。");
  });

  it("turns each 法律依据 into a structured citation on its answer", () => {
    expect(p.main.answers[0]!.citations).toEqual([
      {
        title: "中华人民共和国社会保险法",
        article: "第五十四条",
        quote: "用人单位已经缴纳生育保险费的，其职工享受生育保险待遇；职工未就业配偶按照国家规定享受生育医疗费用待遇。",
      },
    ]);
    expect(p.main.answers[1]!.citations).toEqual([
      { title: "关于全面推进生育保险和职工基本医疗保险合并实施的意见", number: "国办发〔2019〕10号", article: "第三条", quote: "统一参保登记。" },
    ]);
  });

  it("reads 相关知识推荐 items without their category tags and view counts", () => {
    expect(p.recommended.map((i) => i.title)).toEqual(["生育津贴怎么领取", "单位不交社保可以仲裁吗", "朋友借钱不还怎么起诉", "信用卡逾期被起诉怎么办"]);
    const reasons = p.dropped.map((d) => d.reason);
    expect(reasons.filter((x) => x === "boilerplate")).toHaveLength(3);
    expect(reasons.filter((x) => x === "view-count")).toHaveLength(4);
  });
});
