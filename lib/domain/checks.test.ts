import { describe, expect, it } from "vitest";
import { answerCheckInputSchema, answerCheckText, checkColumns, checkInputSchema } from "./checks.ts";

const source = { title: "关于做好2026年居民医保工作的通知", publisher: "国家医疗保障局", publishedOn: "2026-06-30", url: "https://www.nhsa.gov.cn/x" };

describe("checkInputSchema", () => {
  it("asks a verified check for the document it was checked against, naming each missing field", () => {
    const r = checkInputSchema.safeParse({ outcome: "verified", title: "只有标题", url: "" });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path[0]).sort()).toEqual(["publishedOn", "publisher", "url"]);
    expect(checkInputSchema.safeParse({ outcome: "verified", ...source }).success).toBe(true);
  });

  it("asks an unverified check to say why, refuses other URLs and outcomes", () => {
    expect(checkInputSchema.safeParse({ outcome: "unverified" }).error!.issues[0]!.message).toMatch(/说明/);
    expect(checkInputSchema.safeParse({ outcome: "verified", ...source, url: "javascript:alert(1)" }).success).toBe(false);
    expect(checkInputSchema.safeParse({ outcome: "approved" }).success).toBe(false);
    expect(answerCheckInputSchema.safeParse({ outcome: "illustrative" }).success).toBe(false);
  });
});

describe("checkColumns", () => {
  it("dates the check today unless told, refuses a future date, keeps a source only when named", () => {
    expect(checkColumns({ outcome: "unverified", note: "数字不符" }, "2026-12-02")).toMatchObject({ checkedOn: "2026-12-02", title: null, publisher: null });
    expect(() => checkColumns({ outcome: "unverified", note: "x", checkedOn: "2026-12-03" }, "2026-12-02")).toThrow(/不能晚于今天/);
    expect(checkColumns({ outcome: "verified", ...source, checkedOn: "2026-11-30" }, "2026-12-02")).toMatchObject({ title: source.title, checkedOn: "2026-11-30" });
  });
});

describe("answerCheckText", () => {
  it("says when the figures were checked, and that a check over a year old may be out of date", () => {
    expect(answerCheckText({ outcome: "verified", on: "2026-11-30", note: null }, "2026-12-02")).toEqual({ text: "文中数字已于 2026-11-30 由审核编辑对照官方文件核对", stale: false });
    expect(answerCheckText({ outcome: "verified", on: "2025-11-30", note: null }, "2026-12-02").text).toMatch(/超过一年/);
    expect(answerCheckText({ outcome: "unverified", on: "2026-11-30", note: "起付线与通知不符" }, "2026-12-02").text).toBe("审核编辑 2026-11-30 未能核实文中数字：起付线与通知不符");
  });
});
