// What a caller asks the calculator. Amounts are yuan with at most 2 decimals, exactly as the HTTP API
// receives them; estimate() converts them to 分 once, right after parsing.
import { z } from "zod";
import {
  deliverySchema,
  facilityLevelSchema,
  insuranceSchema,
  personSchema,
  schemeSchema,
} from "./policy-schema.ts";
import { hasAtMostTwoDecimals } from "./money.ts";

const yuanInputSchema = z
  .number({ error: "必须是数字（元）" })
  .min(0, "金额不能为负数")
  .max(100_000_000, "金额过大")
  .refine(hasAtMostTwoDecimals, "金额最多两位小数（精确到分）");

export const filingSchema = z
  .enum(["local", "filed", "unfiled", "emergency"])
  .describe("local 参保地就医; filed 异地已备案; unfiled 异地未备案; emergency 异地急诊抢救 (treated as filed)");
export type Filing = z.infer<typeof filingSchema>;

export const ytdSchema = z
  .object({
    fundPaid: yuanInputSchema.default(0).describe("统筹基金 already paid this year under this scheme, yuan"),
    deductibleMet: yuanInputSchema.default(0).describe("Deductible already met this year (yearly deductibles only), yuan"),
    admissionsBefore: z
      .number()
      .int("住院次数必须是整数")
      .min(0, "住院次数不能为负数")
      .max(365)
      .default(0)
      .describe("Admissions earlier this year (per-admission deductibles only)"),
    layerBase: z
      .union([yuanInputSchema, z.record(z.string(), yuanInputSchema)])
      .optional()
      .describe("Cumulative base already counted this year by the further layers (大病保险 …), yuan; a number applies to every layer, or give { layerId: yuan }"),
  })
  .strict();
export type YearToDate = z.infer<typeof ytdSchema>;

const AMOUNT_FIELDS = new Set(["total", "selfPaid", "classB", "ytd"]);

export const estimateInputSchema = z
  .object({
    region: z.string().regex(/^\d{6}$/, "地区须为六位行政区划代码，如 520500").describe("GB/T 2260 code of the insured area"),
    year: z.number().int("年份必须是整数").min(1998).max(2100).describe("Policy year"),
    insurance: insuranceSchema,
    scheme: schemeSchema,
    level: facilityLevelSchema,
    person: personSchema,
    total: yuanInputSchema.describe("总费用, yuan"),
    selfPaid: yuanInputSchema.default(0).describe("全自费 (items outside the catalogue, 超限价), yuan"),
    classB: yuanInputSchema.default(0).describe("乙类 items' cost (the policy decides the share paid first), yuan"),
    filing: filingSchema.default("local"),
    ytd: ytdSchema.default({ fundPaid: 0, deductibleMet: 0, admissionsBefore: 0 }),
    delivery: deliverySchema.optional().describe("Maternity only: delivery type"),
  })
  .strict()
  .superRefine((input, ctx) => {
    // 全自费 and 乙类 items are disjoint parts of the bill, so together they cannot exceed it.
    // (Skipped when an amount is already invalid, so the user sees one clear message.)
    const amountsValid = [input.total, input.selfPaid, input.classB].every((v) => typeof v === "number" && v >= 0);
    if (amountsValid && Math.round(input.selfPaid * 100) + Math.round(input.classB * 100) > Math.round(input.total * 100)) {
      ctx.addIssue({
        code: "custom",
        path: ["selfPaid"],
        message: `全自费（${input.selfPaid} 元）加乙类费用（${input.classB} 元）超过了总费用（${input.total} 元），金额对不上`,
      });
    }
    const employeePerson = input.person === "active" || input.person === "retired";
    if (input.insurance === "employee" && !employeePerson) {
      ctx.addIssue({ code: "custom", path: ["person"], message: "职工医保的人员类别应为 active（在职）或 retired（退休）" });
    }
    if (input.insurance === "resident" && input.person !== "resident") {
      ctx.addIssue({ code: "custom", path: ["person"], message: "城乡居民医保的人员类别应为 resident" });
    }
    if (input.scheme === "maternity" && input.delivery === undefined) {
      ctx.addIssue({ code: "custom", path: ["delivery"], message: "生育费用需要选择分娩或手术类型（delivery）" });
    }
  });

/** What callers pass (defaults optional). */
export type EstimateInput = z.input<typeof estimateInputSchema>;
/** After parsing: defaults filled, still yuan. */
export type ParsedEstimateInput = z.output<typeof estimateInputSchema>;

/** Amount problems get their own code so the API can say "the numbers don't add up". */
export function isAmountIssue(path: readonly PropertyKey[]): boolean {
  const root = path[0];
  return typeof root === "string" && AMOUNT_FIELDS.has(root);
}
