// Records the shape parsers extract from a raw consultation page. Pure data: no file names, slugs or
// YAML here — those are added by plan.ts, which turns a page into articles.

export const SHAPES = ["lawyer-single", "lawyer-multi", "region-year", "news"] as const;
export type Shape = (typeof SHAPES)[number];

/** Who wrote an answer, as the page shows it. */
export type Answerer =
  | { kind: "lawyer"; name: string; title: string; organisation?: string; helped?: number }
  | { kind: "unnamed-lawyer" }
  | { kind: "ai" };

export type ExtractedCitation = {
  title: string;
  article?: string;
  number?: string;
  quote?: string;
};

export type ExtractedAnswer = {
  answerer: Answerer;
  /** Markdown (lists kept as Markdown lists). */
  body: string;
  citations: ExtractedCitation[];
};

export type ExtractedQuestion = {
  title: string;
  /** The asker's fuller description, when the page shows one. */
  body?: string;
  answers: ExtractedAnswer[];
};

/** A recommendation ("相关问题", "相关推荐", "相关知识推荐") before the on-topic check. */
export type RecommendedItem = {
  title: string;
  /** Question description (相关问题) or news excerpt (相关推荐); only the former is kept. */
  body?: string;
  bodyKind?: "question" | "excerpt";
  /** 健康新闻 date, YYYY-MM-DD. */
  date?: string;
};

export type DropReason = "boilerplate" | "view-count" | "off-topic" | "duplicate";
export type DroppedBlock = { reason: DropReason; text: string };

export type ExtractedPage = {
  shape: Shape;
  main: ExtractedQuestion;
  /** Follow-up questions answered on the same page. */
  followUps: ExtractedQuestion[];
  recommended: RecommendedItem[];
  /** Page category such as 劳动纠纷 (reported only: the content schema has no field for it). */
  category?: string;
  /** Date shown on the page, YYYY-MM-DD. */
  date?: string;
  /** "共有 N 位律师解答". */
  declaredAnswers?: number;
  dropped: DroppedBlock[];
  warnings: string[];
};

/** Result of a shape parser: a page, or why the text could not be read as that shape. */
export type ParseOutcome = { ok: true; page: ExtractedPage } | { ok: false; error: string };
