// What a reviewer records when checking figures against an official source — a policy's
// (lib/calculators/policies/checks.ts) or an answer's (lib/authoring/checks.ts): one input schema, one
// rule for what a "verified" check must name, the same words for the outcomes.
import { z } from "zod";
import { AppError } from "./errors.ts";

export const CHECK_OUTCOMES = ["verified", "unverified", "illustrative"] as const;
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];

const date = z.iso.date({ error: "请写成 YYYY-MM-DD 格式的日期" });
const text = (max: number) => z.string().trim().max(max, `最多 ${max} 字`).transform((s) => s || undefined).optional();
const blank = z.literal("").transform(() => undefined);

export const checkInputSchema = z
  .object({
    outcome: z.enum(CHECK_OUTCOMES, { error: "核实结果应为 verified、unverified 或 illustrative" }),
    title: text(200),
    publisher: text(100),
    number: text(100),
    publishedOn: date.optional().or(blank),
    url: z.url({ protocol: /^https?$/, error: "请填写以 http:// 或 https:// 开头的网址" }).max(2000).optional().or(blank),
    checkedOn: date.optional().or(blank),
    note: text(500),
  })
  .superRefine((c, ctx) => {
    if (c.outcome === "verified") {
      // The same rule as a policy file's verified source, and the tables' CHECK constraints.
      for (const [field, label] of [["title", "官方文件标题"], ["publisher", "发布机关"], ["publishedOn", "发布日期"], ["url", "官方网址"]] as const) {
        if (!c[field]) ctx.addIssue({ code: "custom", path: [field], message: `标为“与官方文件一致”时需要填写${label}` });
      }
    }
    if (c.outcome === "unverified" && !c.note) ctx.addIssue({ code: "custom", path: ["note"], message: "请说明哪里不一致或为什么无法核实" });
  });
export type CheckInput = z.infer<typeof checkInputSchema>;

/** An answer's figures are checked or not; "illustrative" is for policy data only. */
export const answerCheckInputSchema = checkInputSchema.refine((c) => c.outcome !== "illustrative", { path: ["outcome"], message: "解答中的数字不能标为示意数据" });

/** The row's columns for an input: the source is kept only when it is named. */
export function checkColumns(input: CheckInput, today: string) {
  const checkedOn = input.checkedOn || today;
  if (checkedOn > today) throw new AppError("invalid", "核实日期不能晚于今天。", [{ path: ["checkedOn"], message: "核实日期不能晚于今天" }]);
  const named = Boolean(input.title && input.publisher);
  return {
    outcome: input.outcome,
    title: named ? input.title! : null,
    publisher: named ? input.publisher! : null,
    number: input.number ?? null,
    publishedOn: input.publishedOn || null,
    url: input.url || null,
    checkedOn,
    note: input.note ?? null,
  };
}

export type CheckedSource = { title: string; publisher: string; number?: string; date?: string; url?: string };

/** The source named by a stored check, in the shape policy sources and citations use. */
export function checkSource(r: { title: string | null; publisher: string | null; number: string | null; publishedOn: string | null; url: string | null }): CheckedSource | null {
  if (!r.title || !r.publisher) return null;
  return { title: r.title, publisher: r.publisher, ...(r.number ? { number: r.number } : {}), ...(r.publishedOn ? { date: r.publishedOn } : {}), ...(r.url ? { url: r.url } : {}) };
}

export const CHECK_OUTCOME_LABELS: Record<CheckOutcome, string> = {
  verified: "与官方文件一致",
  unverified: "未能核实或与官方文件不一致",
  illustrative: "示意数据，不是官方标准",
};

/** A check older than this no longer reassures a reader on its own: the page says how old it is. */
export const CHECK_STALE_DAYS = 365;

/** What a reader is told about the check of an answer's figures (the source is linked beside it). */
export function answerCheckText(c: { outcome: CheckOutcome; on: string; note: string | null }, today: string): { text: string; stale: boolean } {
  const days = (Date.parse(today) - Date.parse(c.on)) / 86_400_000;
  const stale = days > CHECK_STALE_DAYS;
  if (c.outcome === "verified") return { text: `文中数字已于 ${c.on} 由审核编辑对照官方文件核对${stale ? "，距今已超过一年，可能已有变化" : ""}`, stale };
  return { text: `审核编辑 ${c.on} 未能核实文中数字${c.note ? `：${c.note}` : ""}`, stale };
}
