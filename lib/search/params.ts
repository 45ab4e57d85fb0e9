// The search request, validated once for both the page and the JSON API. Out-of-range values that a
// person could plausibly type (a long query, page 10,000) are clamped; values that cannot mean anything
// (an unknown region code) are errors the caller turns into a 400 or an explanation on the page.
import { z } from "zod";
import { insuranceSchema } from "../domain/schema.ts";
import { isRegionCode } from "../regions/index.ts";

export const MAX_QUERY_CHARS = 100;
export const PAGE_SIZE = 10;
export const MAX_PAGE = 50;

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

export const searchParamsSchema = z.object({
  q: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim().slice(0, MAX_QUERY_CHARS)),
  region: optionalText.refine((v) => v === undefined || (/^\d{6}$/.test(v) && isRegionCode(v)), "地区代码无效：应为 GB/T 2260 六位代码，例如 520500（毕节市）"),
  insurance: optionalText.pipe(z.enum(insuranceSchema.options, { error: "险种应为 employee（职工医保）或 resident（城乡居民医保）" }).optional()),
  topic: optionalText.pipe(z.string().max(20, { error: "主题最多 20 个字" }).optional()),
  year: optionalText
    .transform((v) => (v === undefined ? undefined : Number(v)))
    .pipe(z.number({ error: "年份应为数字，例如 2025" }).int().min(1998, { error: "年份应在 1998–2100 之间" }).max(2100, { error: "年份应在 1998–2100 之间" }).optional()),
  page: optionalText.transform((v) => {
    const n = Number.parseInt(v ?? "1", 10);
    return Number.isFinite(n) ? Math.min(Math.max(n, 1), MAX_PAGE) : 1;
  }),
  sort: optionalText.transform((v): "relevance" | "newest" => (v === "newest" ? "newest" : "relevance")),
  /** Facet counts cost time on large result sets: the page asks for them, API clients opt in. */
  facets: optionalText.transform((v) => v === "1" || v === "true"),
});

export type SearchParams = z.output<typeof searchParamsSchema>;

/** Accepts URLSearchParams or Next's searchParams object (first value of repeated keys wins). */
export function parseSearchParams(input: URLSearchParams | Record<string, string | string[] | undefined>) {
  const flat: Record<string, string> = {};
  if (input instanceof URLSearchParams) {
    for (const [k, v] of input) if (!(k in flat)) flat[k] = v;
  } else {
    for (const [k, v] of Object.entries(input)) {
      const first = Array.isArray(v) ? v[0] : v;
      if (first !== undefined) flat[k] = first;
    }
  }
  return searchParamsSchema.safeParse(flat);
}
