// One zod schema per content type. Ingest, the raw-page importer, the export and web authoring all
// validate through these, and z.infer gives the types used everywhere else.
import { z } from "zod";
import { isRegionCode } from "../regions/index.ts";

export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const slugSchema = z
  .string()
  .max(120)
  .regex(SLUG_RE, "must be lower-case ASCII letters, digits and single hyphens, e.g. jumin-yibao-dingdian");

const dateSchema = z.iso.date({ error: "must be a date written YYYY-MM-DD" });

export const insuranceSchema = z.enum(["employee", "resident"]);
export type Insurance = z.infer<typeof insuranceSchema>;
export const INSURANCE_LABELS: Record<Insurance, string> = { employee: "职工医保", resident: "城乡居民医保" };

/** An article's state; lib/domain/visibility.ts says which of them the public sees. */
export const ARTICLE_STATES = ["draft", "pending", "unanswered", "published", "archived"] as const;
export const statusSchema = z.enum(ARTICLE_STATES);
export type ArticleState = z.infer<typeof statusSchema>;

export const ORIGINS = ["file", "web"] as const;
export type Origin = (typeof ORIGINS)[number];

export const citationSchema = z
  .object({
    title: z.string().min(2).describe("Document title without book-title marks, e.g. 中华人民共和国社会保险法"),
    article: z.string().optional().describe("Article or section, e.g. 第二十九条"),
    number: z.string().optional().describe("Document number when known, e.g. 医保发〔2022〕22号"),
    quote: z.string().optional().describe("A short excerpt of the cited text"),
    url: z.url({ protocol: /^https?$/, error: "must be an http(s):// link to the official text" }).optional().describe("The official text, e.g. on www.nhsa.gov.cn"),
    answer: z.number().int().min(1).optional().describe("1-based index of the answer this citation supports"),
  })
  .strict();
export type Citation = z.infer<typeof citationSchema>;

/** 相似问法: how many an article may have and how long each may be (files and the authoring app alike). */
export const ALIAS_LIMITS = { count: 20, minChars: 2, maxChars: 120 } as const;

/**
 * The 相似问法 an editor sends from the authoring app: trimmed, blank lines dropped, duplicates removed;
 * the limits of the file format, said in Chinese.
 */
export const aliasListSchema = z
  .array(
    z
      .string({ error: "每条相似问法必须是文字" })
      .trim()
      .max(ALIAS_LIMITS.maxChars, `每条相似问法不超过 ${ALIAS_LIMITS.maxChars} 个字`),
    { error: "相似问法必须是一个列表" },
  )
  .transform((list) => [...new Set(list.filter(Boolean))])
  .pipe(
    z
      .array(z.string().min(ALIAS_LIMITS.minChars, `每条相似问法至少 ${ALIAS_LIMITS.minChars} 个字`))
      .max(ALIAS_LIMITS.count, `相似问法最多 ${ALIAS_LIMITS.count} 条`),
  );

export const frontmatterSchema = z
  .object({
    slug: slugSchema.optional().describe("URL slug; defaults to the file name without .md"),
    title: z.string().trim().min(4).max(120).describe("The question as a person would ask it"),
    question: z.string().trim().max(5000).optional().describe("The asker's fuller description"),
    region: z
      .string()
      .regex(/^\d{6}$/, "must be a six-digit GB/T 2260 code such as 520500, or 000000 for nationwide")
      .refine(isRegionCode, "is not a known GB/T 2260 region code")
      .describe("GB/T 2260 code; 000000 = nationwide"),
    insurance: z.array(insuranceSchema).min(1).describe("Which schemes the question concerns"),
    topics: z.array(z.string().trim().min(1).max(20)).min(1).max(8).describe("Chinese topic labels"),
    year: z.number().int().min(1998).max(2100).optional().describe("Policy year the answer applies to"),
    published: dateSchema,
    updated: dateSchema.optional(),
    status: statusSchema.default("published").describe("draft | pending | unanswered | published | archived"),
    related: z.array(slugSchema).default([]).describe("Curated related question slugs, shown first"),
    aliases: z
      .array(z.string().trim().min(ALIAS_LIMITS.minChars).max(ALIAS_LIMITS.maxChars))
      .max(ALIAS_LIMITS.count)
      .optional()
      .describe("相似问法: other ways people ask this question, searched almost like the title"),
    citations: z.array(citationSchema).default([]).describe("法律依据: structured legal-basis citations"),
    source: z.string().optional().describe("Where imported text came from (raw file name)"),
  })
  .strict();
export type Frontmatter = z.infer<typeof frontmatterSchema>;

export const answerSchema = z.object({
  advisor: slugSchema,
  date: dateSchema,
  body: z.string().trim().min(1, "an answer needs some text"),
});
export type Answer = z.infer<typeof answerSchema>;

/** A fully parsed question article: what ingest stores and the pages render. */
export const articleSchema = frontmatterSchema.extend({
  slug: slugSchema,
  answers: z.array(answerSchema),
});
export type Article = z.infer<typeof articleSchema>;

export const advisorSchema = z
  .object({
    name: z.string().trim().min(1),
    title: z.string().trim().min(1).describe("执业律师, 医保顾问 …"),
    organisation: z.string().trim().optional(),
    license: z.string().trim().optional().describe("Practising licence number"),
    bio: z.string().trim().optional(),
    sample: z.boolean().default(false).describe("true for invented sample advisors"),
  })
  .strict();
export type Advisor = z.infer<typeof advisorSchema> & { id: string };

export const topicVocabularySchema = z.array(
  z
    .object({
      name: z.string().trim().min(1),
      aliases: z.array(z.string().trim().min(1)).default([]),
      description: z.string().optional(),
    })
    .strict(),
);
export type TopicVocabulary = z.infer<typeof topicVocabularySchema>;

const searchTerm = z.string().trim().min(1).max(20);
export const searchVocabularySchema = z
  .object({
    terms: z.array(searchTerm).default([]).describe("Domain terms the tokenizer keeps whole"),
    synonyms: z
      .array(z.array(searchTerm).min(2, "a synonym group needs at least two words"))
      .default([])
      .describe("Groups of interchangeable words; applied in both directions"),
    stopWords: z.array(searchTerm).default([]).describe("Words ignored in queries and documents"),
    colloquial: z
      .array(
        z
          .object({
            says: z.array(searchTerm).min(1).describe("How people put it: 老人, 外地, 钱怎么报"),
            means: z.array(searchTerm).min(1).describe("The domain's words for it, first the main one: 退休人员, 老年人"),
            person: z
              .boolean()
              .optional()
              .describe("The words name whom a question is about (老人, 孩子): answers speak of the scheme, so these go last in a query"),
          })
          .strict(),
      )
      .default([])
      .describe("One-way groups: a search for what people say also finds the domain's words, not the reverse"),
  })
  .strict();
export type SearchVocabulary = z.infer<typeof searchVocabularySchema>;

/** A problem with content, located as precisely as the channel allows (file and line, or field). */
export type ContentIssue = { file: string; line?: number; field?: string; message: string };

export function formatIssue(i: ContentIssue): string {
  return `${i.file}${i.line ? `:${i.line}` : ""}${i.field ? ` [${i.field}]` : ""}: ${i.message}`;
}
