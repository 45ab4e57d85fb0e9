// The drug-list file (content/catalogues/*.json) as zod reads it: only what the site uses is required,
// the rest of the file passes through untouched. Pure.
import { z } from "zod";

export const SECTIONS = {
  western: "西药部分",
  negotiated: "协议期内谈判药品部分（一）西药",
  bidding: "竞价药品部分",
} as const;

const sectionSchema = z.enum([SECTIONS.western, SECTIONS.negotiated, SECTIONS.bidding]);

export const drugRowSchema = z.object({
  no: z.string().min(1),
  name_zh: z.string().min(1),
  dosage_form: z.string().min(1).nullable(),
  section: sectionSchema,
  class: z.enum(["甲", "乙"]),
  restriction: z.string().min(1).nullable(),
  agreement_period: z.string().min(1).nullable(),
  payment_standard: z.string().min(1).nullable().optional(),
  payment_standard_note: z.object({ text: z.string(), table: z.array(z.array(z.string())) }).optional(),
  primary_no: z.number().int().positive(),
  category_code: z.string().min(1),
  pdf_page: z.number().int().positive(),
  see_fanli: z.string().optional(),
  includes: z.array(z.string().min(1)).optional(),
});
export type DrugRow = z.infer<typeof drugRowSchema>;

const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");

export const drugListSchema = z.object({
  schema: z.literal(1),
  title: z.string(),
  provenance: z.object({
    edition: z.string().regex(/^\d{4}年版$/, "如“2025年版”"),
    document_no: z.string().min(1),
    effective: ymd,
    counts: z.object({
      drugs_rows_total: z.number().int().nonnegative(),
      west_part_rows: z.number().int().nonnegative(),
      west_part_numbers: z.number().int().nonnegative(),
      west_part_class_jia_numbers: z.number().int().nonnegative(),
      negotiated_west: z.number().int().nonnegative(),
      bidding_west: z.number().int().nonnegative(),
      rows_with_restriction: z.number().int().nonnegative(),
    }),
    sources: z.record(
      z.string(),
      z.object({
        title: z.string(),
        document_no: z.string().nullish(),
        issuer: z.string().nullish(),
        published: z.string().nullish(),
        url: z.string().nullish(),
        attachment_url: z.string().nullish(),
        stated_totals_fanli: z.record(z.string(), z.number()).nullish(),
      }),
    ),
  }),
  categories: z.record(z.string(), z.string()),
  fanli: z.record(z.string(), z.string()),
  drugs: z.array(drugRowSchema).min(1),
});
export type DrugList = z.infer<typeof drugListSchema>;
