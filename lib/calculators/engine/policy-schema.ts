// The one zod schema for a reimbursement policy file in content/policies/*.yaml. docs/POLICIES.md
// describes the format; this file is the authority. Amounts in a policy file are yuan, ratios percent.
import { z } from "zod";
import { insuranceSchema } from "../../domain/schema.ts";
import { isRegionCode } from "../../regions/index.ts";
import { hasAtMostTwoDecimals } from "./money.ts";

export { insuranceSchema };
export type { Insurance } from "../../domain/schema.ts";

export const schemeSchema = z
  .enum(["outpatient", "chronic", "inpatient", "maternity"])
  .describe("outpatient 普通门诊统筹, chronic 门诊慢特病, inpatient 住院, maternity 生育");
export type Scheme = z.infer<typeof schemeSchema>;

export const facilityLevelSchema = z
  .enum(["village", "township", "level1", "level2", "level3"])
  .describe("village 村卫生室/社区卫生服务站, township 乡镇卫生院/社区卫生服务中心, level1 一级及未定级, level2 二级, level3 三级");
export type FacilityLevel = z.infer<typeof facilityLevelSchema>;
export const FACILITY_LEVELS = facilityLevelSchema.options;

export const personSchema = z
  .enum(["active", "retired", "resident"])
  .describe("active 在职职工, retired 退休人员, resident 城乡居民");
export type Person = z.infer<typeof personSchema>;

export const deliverySchema = z
  .enum(["normal", "assisted", "cesarean", "midterm-induction", "abortion"])
  .describe("normal 顺产, assisted 助娩产, cesarean 剖宫产, midterm-induction 中期引产, abortion 住院人工流产");
export type Delivery = z.infer<typeof deliverySchema>;

export const sourceStatusSchema = z
  .enum(["verified", "secondary", "unverified"])
  .describe("verified: checked against the official document; secondary: from a reliable re-publication; unverified: seed figures not yet checked");
export type SourceStatus = z.infer<typeof sourceStatusSchema>;

const dateSchema = z.iso.date({ error: "must be a date written YYYY-MM-DD" });

const yuanSchema = z
  .number()
  .nonnegative()
  .max(100_000_000)
  .refine(hasAtMostTwoDecimals, "must have at most 2 decimals (whole fen)");

const percentSchema = z
  .number()
  .min(0)
  .max(100)
  .refine(hasAtMostTwoDecimals, "must have at most 2 decimals")
  .describe("A percentage: 90 means 90%");

/** A value that is either the same for everyone or given per person status. */
function byPerson<T extends z.ZodType>(value: T) {
  return z.union([
    value,
    z
      .partialRecord(personSchema, value)
      .refine((map) => Object.keys(map).length > 0, "give a value for at least one person status"),
  ]);
}

export const sourceSchema = z
  .object({
    title: z.string().trim().min(2).describe("Document or page title, e.g. 毕节市2025年城乡居民普通门诊统筹待遇（公开资料整理）"),
    number: z.string().trim().optional().describe("Document number when known, e.g. 毕医保发〔2024〕1号"),
    publisher: z.string().trim().min(2).describe("Who published it, e.g. 毕节市医疗保障局"),
    date: dateSchema.optional().describe("Publication date; may be left out only while status is unverified"),
    url: z.url().optional().describe("Where it can be read"),
    status: sourceStatusSchema,
  })
  .strict()
  .refine((source) => source.date !== undefined || source.status === "unverified", {
    message: "a verified or secondary source needs its publication date",
    path: ["date"],
  });
export type PolicySource = z.infer<typeof sourceSchema>;

export const capSchema = z
  .object({
    per: z
      .enum(["visit", "admission", "year"])
      .describe("visit / admission: limits this one bill; year: limits the calendar year, minus ytd.fundPaid"),
    on: z
      .enum(["fund", "eligible"])
      .describe("fund: the most the fund pays; eligible: the most policy-range cost counted (per visit/admission only)"),
    amount: byPerson(yuanSchema).describe("Yuan, the same for everyone or per person status"),
    note: z.string().optional(),
  })
  .strict()
  .refine((cap) => !(cap.per === "year" && cap.on === "eligible"), {
    message: "a yearly cap must be on the fund: the calculator is not told how much eligible cost was counted earlier this year",
    path: ["on"],
  });
export type Cap = z.infer<typeof capSchema>;

export const levelRuleSchema = z
  .object({
    deductible: byPerson(yuanSchema).default(0).describe("起付线 in yuan at this level; 0 when there is none"),
    ratio: byPerson(percentSchema).describe("统筹基金支付比例 at this level, percent"),
    caps: z.array(capSchema).default([]).describe("Caps that apply only at this level, e.g. a per-visit limit"),
  })
  .strict();
export type LevelRule = z.infer<typeof levelRuleSchema>;

export const deductibleBasisSchema = z
  .object({
    per: z
      .enum(["visit", "admission", "year"])
      .describe("visit: every visit; admission: every admission, scaled by nthAdmissionFactors; year: once a year, minus ytd.deductibleMet"),
    nthAdmissionFactors: z
      .array(z.number().min(0).max(1))
      .min(1)
      .optional()
      .describe("Factor for the 1st, 2nd, 3rd … admission of the year; the last factor repeats"),
  })
  .strict()
  .refine((basis) => basis.per === "admission" || basis.nthAdmissionFactors === undefined, {
    message: "nthAdmissionFactors only apply when per is admission",
    path: ["nthAdmissionFactors"],
  });
export type DeductibleBasis = z.infer<typeof deductibleBasisSchema>;

export const ratioAdjustmentSchema = z
  .discriminatedUnion("kind", [
    z
      .object({
        kind: z.literal("minus-points"),
        points: z.number().min(0).max(100).describe("Percentage points taken off the ratio: 85% − 10 = 75%"),
      })
      .strict(),
    z
      .object({
        kind: z.literal("times-factor"),
        factor: z.number().min(0).max(1).describe("The ratio is multiplied by this: 85% × 0.8 = 68%"),
      })
      .strict(),
  ])
  .describe("How 异地 care changes the ratio; policies must say which kind, the difference is large");
export type RatioAdjustment = z.infer<typeof ratioAdjustmentSchema>;

export const offsiteSchema = z
  .object({
    filed: ratioAdjustmentSchema.optional().describe("Filed (已备案) care; omitted = the insured area's own ratio"),
    unfiled: ratioAdjustmentSchema.optional().describe("Unfiled (未备案) care; omitted = the calculator refuses to guess"),
  })
  .strict()
  .describe("异地就医: 就医地目录、参保地政策. Emergencies (急诊抢救) are treated as filed");

const tierSchema = z
  .object({
    from: yuanSchema.describe("Lower bound on the yearly cumulative base, yuan; the first tier's from is the threshold"),
    to: yuanSchema.optional().describe("Upper bound; omitted on the last, open-ended tier"),
    ratio: percentSchema,
  })
  .strict();

export const furtherLayerSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case ASCII words joined by hyphens")
      .describe("Key used in ytd.layerBase, e.g. critical-illness"),
    name: z.string().trim().min(2).describe("Display name, e.g. 大病保险, 职工大额医疗补助"),
    base: z
      .enum(["eligible-self", "over-cap"])
      .describe("eligible-self: policy-range cost the person still owes after the basic fund and earlier layers; over-cap: only the part above the basic fund's caps"),
    tiers: z.array(tierSchema).min(1).describe("Ratios by band of the yearly cumulative base"),
    annualCap: yuanSchema.optional().describe("Most this layer pays in a year"),
    note: z.string().optional(),
  })
  .strict()
  .superRefine((layer, ctx) => {
    layer.tiers.forEach((tier, i) => {
      const next = layer.tiers[i + 1];
      if (tier.to !== undefined && tier.to <= tier.from) {
        ctx.addIssue({ code: "custom", message: "to must be above from", path: ["tiers", i, "to"] });
      }
      if (next && tier.to === undefined) {
        ctx.addIssue({ code: "custom", message: "only the last tier may be open-ended", path: ["tiers", i, "to"] });
      }
      if (next && tier.to !== undefined && next.from < tier.to) {
        ctx.addIssue({ code: "custom", message: "tiers must not overlap", path: ["tiers", i + 1, "from"] });
      }
    });
  });
export type FurtherLayer = z.infer<typeof furtherLayerSchema>;

/** Fields every policy has, whatever the scheme. */
const commonFields = {
  id: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case ASCII words joined by hyphens")
    .optional()
    .describe("Defaults to <region>-<year>-<insurance>-<scheme>, e.g. 520500-2025-resident-outpatient"),
  region: z
    .string()
    .regex(/^\d{6}$/, "must be a six-digit GB/T 2260 code such as 520500; quote it in YAML")
    .refine(isRegionCode, "is not a known GB/T 2260 region code")
    .describe("GB/T 2260 code of the insured area (参保地)"),
  year: z.number().int().min(1998).max(2100).describe("Policy year; the calculator never borrows another year"),
  insurance: insuranceSchema,
  title: z.string().trim().min(4).describe("Display name, e.g. 毕节市2025年城乡居民普通门诊统筹"),
  effective: z
    .object({ from: dateSchema, to: dateSchema })
    .strict()
    .refine((range) => range.from <= range.to, { message: "from must not be after to", path: ["to"] })
    .describe("Dates the policy applies to, inclusive"),
  illustrative: z
    .boolean()
    .default(false)
    .describe("true when the figures are illustrative examples, not an official standard"),
  note: z.string().trim().optional().describe("Readings chosen where the source is ambiguous, and other caveats"),
  sources: z.array(sourceSchema).min(1).describe("Where the figures come from; the first is cited in explanations"),
};

export const standardPolicySchema = z
  .object({
    ...commonFields,
    scheme: z.enum(["outpatient", "chronic", "inpatient"]),
    classBSelfShare: percentSchema
      .optional()
      .describe("乙类先行自付比例: share of 乙类 items the person pays before the fund applies"),
    deductibleBasis: deductibleBasisSchema,
    levels: z
      .partialRecord(facilityLevelSchema, levelRuleSchema)
      .refine((levels) => Object.keys(levels).length > 0, "cover at least one facility level")
      .describe("Facility levels the policy covers; a level left out pays nothing"),
    caps: z.array(capSchema).default([]).describe("Caps that apply at every level"),
    offsite: offsiteSchema.optional(),
    layers: z
      .array(furtherLayerSchema)
      .default([])
      .refine((layers) => layers.every((layer, i) => layer.base !== "over-cap" || i === 0), {
        message: "an over-cap layer must be the first layer (and there can be only one): later layers pay what it leaves",
      })
      .refine((layers) => new Set(layers.map((layer) => layer.id)).size === layers.length, "layer ids must be unique")
      .describe("Further layers after the basic fund, in the order they pay: 职工大额 (over-cap) first, then 大病保险, 医疗救助 …"),
  })
  .strict();

export const maternityPolicySchema = z
  .object({
    ...commonFields,
    scheme: z.literal("maternity"),
    maternity: z
      .object({
        fixedAmounts: z
          .partialRecord(deliverySchema, z.partialRecord(facilityLevelSchema, yuanSchema))
          .refine((amounts) => Object.keys(amounts).length > 0, "give at least one delivery type")
          .describe("定额: yuan by delivery type, then facility level"),
        limitedTo: z
          .enum(["total", "eligible"])
          .default("total")
          .describe("The fund pays min(fixed amount, this): the whole bill or its policy-range cost"),
      })
      .strict(),
  })
  .strict();

export const policyFileSchema = z.discriminatedUnion("scheme", [standardPolicySchema, maternityPolicySchema]);

/** The derived id: <region>-<year>-<insurance>-<scheme>. */
export function defaultPolicyId(key: { region: string; year: number; insurance: string; scheme: string }): string {
  return `${key.region}-${key.year}-${key.insurance}-${key.scheme}`;
}

/**
 * A reviewer's last word on the figures (engine/policy-checks.ts lays it over the file). Never in a file:
 * checks live in Postgres, so that they are made in the authoring app and audited.
 */
export type CheckMark = {
  outcome: "verified" | "unverified" | "illustrative";
  /** YYYY-MM-DD, China's date. */
  on: string;
  by: string;
  note?: string;
  /** The file's figures changed after the check: it no longer vouches for them. */
  lapsed: boolean;
};

/** A validated policy with its id filled in. */
export const policySchema = policyFileSchema.transform((policy) => ({
  ...policy,
  id: policy.id ?? defaultPolicyId(policy),
  checked: undefined as CheckMark | undefined,
}));

export type Policy = z.infer<typeof policySchema>;
export type StandardPolicy = Extract<Policy, { scheme: "outpatient" | "chronic" | "inpatient" }>;
export type MaternityPolicy = Extract<Policy, { scheme: "maternity" }>;
