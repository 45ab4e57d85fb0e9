import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildRelationIndex, computeRelations, type RelationIndex, type RelItem } from "./compute.ts";
import { relItemsFromContent } from "../content/related-items.ts";

const item = (slug: string, title: string, extra: Partial<RelItem> = {}): RelItem => ({
  slug, title, topics: ["异地就医"], region: "000000", insurance: ["resident"], answered: true, related: [], ...extra,
});

describe("related questions (small corpus)", () => {
  const ix = buildRelationIndex(
    [
      item("a", "居民医保可以异地就医吗？"),
      item("b", "居民医保是否可以异地就医？", { answered: false }),
      item("c", "跨省异地就医备案怎么办理？"),
      item("d", "生育津贴怎么算？", { topics: ["生育保险"], insurance: ["employee"] }),
      item("e", "毕节居民医保可以异地就医吗？", { region: "520500" }),
      item("f", "门诊统筹是什么？", { topics: ["门诊统筹"], related: ["d", "f", "missing"] }),
    ],
    [["孩子", "小孩"]],
  );

  it("never links an article to itself and puts curated links first", () => {
    const r = computeRelations(ix, "f");
    expect(r.related[0]?.slug).toBe("d");
    expect(r.related.map((x) => x.slug)).not.toContain("f");
    expect(r.related.map((x) => x.slug)).not.toContain("missing");
  });

  it("collapses a rephrasing into duplicates instead of related", () => {
    const r = computeRelations(ix, "a");
    expect(r.duplicates.map((x) => x.slug)).toEqual(["b"]);
    expect(r.related.map((x) => x.slug)).not.toContain("b");
    expect(r.related[0]?.slug).toMatch(/^[ce]$/);
  });

  it("treats the same question about another place as related, not a duplicate", () => {
    const r = computeRelations(ix, "a");
    expect(r.duplicates.map((x) => x.slug)).not.toContain("e");
    expect(r.related.map((x) => x.slug)).toContain("e");
  });

  it("offers only answered questions as related to an unanswered one", () => {
    const r = computeRelations(ix, "b");
    expect(r.related.length).toBeGreaterThan(0);
    for (const x of r.related) expect(ix.items.get(x.slug)!.answered).toBe(true);
  });

  it("does not relate unrelated topics", () => {
    expect(computeRelations(ix, "d").related.map((x) => x.slug)).not.toContain("c");
  });
});

describe("related questions on the shipped content (judged pairs)", () => {
  let ix: RelationIndex;
  beforeAll(async () => {
    const { items, synonyms } = await relItemsFromContent(join(import.meta.dirname, "../../content"));
    ix = buildRelationIndex(items, synonyms);
  });
  const dups = (s: string) => computeRelations(ix, s).duplicates.map((x) => x.slug);
  const rel = (s: string) => computeRelations(ix, s).related.map((x) => x.slug);

  it.each([
    ["jumin-yibao-keyi-yidi-jiuyi-ma", "jumin-yibao-shifou-keyi-yidi-jiuyi"],
    ["zhuyuan-zai-waisheng-zenme-bao", "zai-waisheng-zhuyuan-yibao-zenme-baoxiao"],
  ])("%s and %s are the same question", (a, b) => {
    expect(dups(a)).toContain(b);
    expect(dups(b)).toContain(a);
  });

  it.each([
    ["yibaoka-neng-gei-fumu-yong-ma", "zhigong-geren-zhanghu-keyi-gei-fumu-yong-ma"],
    ["yidi-jiuyi-beian-kuasheng-shouji-banli", "yidi-jiuyi-beian-leixing-qubie"],
    ["bijie-2025-jumin-menzhen-tongchou", "bijie-2025-zhigong-menzhen-qifuxian"],
    ["shengyu-jintie-zenme-suan", "xianning-2025-shengyu-dinge"],
    ["yibao-duanjiao-yingxiang", "jumin-yibao-jiaofei-shijian"],
  ])("%s lists %s as related", (a, b) => {
    expect([...rel(a), ...dups(a)]).toContain(b);
  });

  it.each([
    ["yidi-jiuyi-beian-kuasheng-shouji-banli", "shengyu-jintie-zenme-suan"],
    ["bijie-2025-jumin-menzhen-tongchou", "yibao-zhuanyi-jiexu"],
  ])("%s does not list %s", (a, b) => {
    expect(rel(a)).not.toContain(b);
  });

  it("finds no duplicates among distinct questions", () => {
    expect(dups("jumin-yibao-bixu-dingdian-yiyuan")).toEqual([]);
    expect(dups("jiujiang-geren-zhanghu-gongji")).toEqual([]);
  });
});
