// An extracted page → the articles and advisors to write: slugs, frontmatter facts, on-topic filtering
// of recommendations, links between the main question, its follow-ups and related questions. Pure and
// deterministic: the same page and file name always give the same plan.
import { createHash } from "node:crypto";
import type { Insurance, TopicVocabulary } from "../domain/schema.ts";
import { classifyTopic } from "./clean.ts";
import { FALLBACK_TOPIC, inferInsurance, inferRegion, inferImportedTopics, inferYear } from "./infer.ts";
import { fullWidthPunctuation, titleKey } from "./text.ts";
import type { Answerer, DropReason, DroppedBlock, ExtractedPage, ExtractedQuestion, Shape } from "./types.ts";
import { NATIONWIDE } from "../regions/index.ts";
import { ANSWERED, OPEN } from "../domain/visibility.ts";

/** Used when the page shows no date and its title no year; conspicuous so that review catches it. */
export const FALLBACK_DATE = "2000-01-01";

export type ArticleKind = "main" | "follow-up" | "related";

export type CitationDraft = { title: string; article?: string; number?: string; quote?: string; answer?: number };

export type ArticleDraft = {
  slug: string;
  kind: ArticleKind;
  title: string;
  question?: string;
  region: string;
  insurance: Insurance[];
  topics: string[];
  year?: number;
  published: string;
  status: typeof ANSWERED | typeof OPEN;
  related: string[];
  citations: CitationDraft[];
  sources: string[];
  answers: { advisor: string; date: string; body: string }[];
};

export type AdvisorDraft = {
  id: string;
  name: string;
  title: string;
  organisation?: string;
  bio?: string;
  /** 已帮助 N 人, kept to choose deterministically between copies of the same advisor. */
  helped?: number;
};

export type Counts = {
  questions: number;
  followUps: number;
  answers: number;
  citations: number;
  related: number;
  dropped: Record<DropReason, number>;
};

export type PagePlan = {
  shape: Shape;
  articles: ArticleDraft[];
  advisors: AdvisorDraft[];
  counts: Counts;
  dropped: DroppedBlock[];
  warnings: string[];
  region: string;
  year?: number;
  category?: string;
};

export type PlanOptions = { topics?: TopicVocabulary };

export function shortHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 10);
}

/** Main questions and follow-ups: keyed by file name and title, so two pages never share a slug. */
export function questionSlug(source: string, title: string): string {
  return `imp-${shortHash(`${source}\n${titleKey(title)}`)}`;
}

/** Related (unanswered) questions: keyed by title alone, so a question recommended by many pages is one article. */
export function relatedSlug(title: string): string {
  return `imp-${shortHash(`related\n${titleKey(title)}`)}`;
}

export const UNNAMED_LAWYER: AdvisorDraft = {
  id: "imp-lawyer-unnamed",
  name: "未署名律师",
  title: "律师",
  bio: "来源页面没有给出律师姓名；同一页面上的几条回答可能出自不同律师。",
};
export const AI_ANSWER: AdvisorDraft = {
  id: "imp-ai-answer",
  name: "AI 生成回答",
  title: "来源页面的 AI 回答",
  bio: "导入页面上由 AI 生成的回答，未经人工核实。",
};

export function advisorFor(a: Answerer): AdvisorDraft {
  if (a.kind === "unnamed-lawyer") return UNNAMED_LAWYER;
  if (a.kind === "ai") return AI_ANSWER;
  return {
    id: `imp-lawyer-${shortHash(`${a.name}\n${a.organisation ?? ""}`)}`,
    name: a.name,
    title: a.title,
    ...(a.organisation ? { organisation: a.organisation } : {}),
    ...(a.helped !== undefined ? { bio: `来源页面显示：已帮助 ${a.helped} 人解决法律问题。`, helped: a.helped } : {}),
  };
}

export type PlanResult = { ok: true; plan: PagePlan } | { ok: false; error: string };

export function planPage(page: ExtractedPage, source: string, options: PlanOptions = {}): PlanResult {
  const vocabulary = options.topics ?? [];
  const warnings = [...page.warnings];
  const dropped = [...page.dropped];

  const main = page.main;
  const mainTitle = cleanTitle(main.title);
  if (!mainTitle) return { ok: false, error: `title "${main.title}" is too short for an article (at least 4 characters)` };
  const verdict = classifyTopic(mainTitle, [main.body ?? "", ...main.answers.map((a) => a.body)].join("\n"));
  if (!verdict.onTopic) return { ok: false, error: `the question "${mainTitle}" is not about medical insurance or social security (${verdict.reason})` };

  for (const q of [main, ...page.followUps]) {
    const bodies = q.answers.map((a) => a.body);
    bodies.forEach((b, i) => {
      const j = bodies.indexOf(b);
      if (j < i) warnings.push(`answers ${j + 1} and ${i + 1} to "${q.title}" have the same text (both kept)`);
    });
  }

  const mainYear = inferYear(mainTitle);
  let date = page.date;
  if (!date) {
    date = mainYear ? `${mainYear}-01-01` : FALLBACK_DATE;
    warnings.push(`no date on the page: published set to ${date}`);
  }

  const advisors = new Map<string, AdvisorDraft>();
  const answersOf = (q: ExtractedQuestion) =>
    q.answers.map((a) => {
      const adv = advisorFor(a.answerer);
      advisors.set(adv.id, adv);
      return { advisor: adv.id, date: date!, body: a.body };
    });
  const citationsOf = (q: ExtractedQuestion): CitationDraft[] =>
    q.answers.flatMap((a, i) =>
      a.citations.map((c) => ({
        title: c.title,
        ...(c.article ? { article: c.article } : {}),
        ...(c.number ? { number: c.number } : {}),
        ...(c.quote ? { quote: c.quote } : {}),
        answer: i + 1,
      })),
    );

  const mainSlug = questionSlug(source, mainTitle);
  const mainQuestion = main.body ? fullWidthPunctuation(main.body) : undefined;
  const mainFacts = facts(mainTitle, mainQuestion, vocabulary);
  const articles: ArticleDraft[] = [];
  const mainArticle: ArticleDraft = {
    slug: mainSlug,
    kind: "main",
    title: mainTitle,
    ...(mainQuestion ? { question: mainQuestion } : {}),
    ...mainFacts,
    published: date,
    status: ANSWERED,
    related: [],
    citations: citationsOf(main),
    sources: [source],
    answers: answersOf(main),
  };
  articles.push(mainArticle);
  const usedTitles = new Set([titleKey(mainTitle)]);

  // Follow-ups answered on the page: their own article, in the page's region and year unless they
  // name their own.
  for (const f of page.followUps) {
    const title = cleanTitle(f.title);
    if (!title || usedTitles.has(titleKey(title))) {
      warnings.push(`follow-up "${f.title}" repeats another question or has an unusable title; left out`);
      continue;
    }
    usedTitles.add(titleKey(title));
    const own = facts(title, undefined, vocabulary);
    const named = inferRegion(title);
    const article: ArticleDraft = {
      slug: questionSlug(source, title),
      kind: "follow-up",
      title,
      region: named ? own.region : mainFacts.region,
      insurance: own.insurance.length === 2 ? mainFacts.insurance : own.insurance,
      topics: own.topics.length === 1 && (own.topics[0] === FALLBACK_TOPIC || own.topics[0] === "社保") ? mainFacts.topics : own.topics,
      ...((own.year ?? mainFacts.year) ? { year: own.year ?? mainFacts.year } : {}),
      published: date,
      status: ANSWERED,
      related: [mainSlug],
      citations: citationsOf(f),
      sources: [source],
      answers: answersOf(f),
    };
    articles.push(article);
    mainArticle.related.push(article.slug);
  }

  // Recommendations: on-topic ones become unanswered questions linked from the main question.
  for (const item of page.recommended) {
    const title = cleanTitle(item.title);
    if (!title) {
      dropped.push({ reason: "off-topic", text: item.title });
      continue;
    }
    if (usedTitles.has(titleKey(title))) {
      dropped.push({ reason: "duplicate", text: item.title });
      continue;
    }
    const verdict = classifyTopic(title, item.body ?? "");
    if (!verdict.onTopic) {
      dropped.push({ reason: "off-topic", text: `${item.title} (${verdict.reason})` });
      continue;
    }
    usedTitles.add(titleKey(title));
    const question = item.bodyKind === "question" && item.body ? fullWidthPunctuation(item.body) : undefined;
    const article: ArticleDraft = {
      slug: relatedSlug(title),
      kind: "related",
      title,
      ...(question ? { question } : {}),
      ...facts(title, question, vocabulary),
      published: item.date ?? date,
      status: OPEN,
      related: [mainSlug],
      citations: [],
      sources: [source],
      answers: [],
    };
    articles.push(article);
    mainArticle.related.push(article.slug);
  }

  const count = (r: DropReason) => dropped.filter((d) => d.reason === r).length;
  const answered = articles.filter((a) => a.kind !== "related");
  return {
    ok: true,
    plan: {
      shape: page.shape,
      articles,
      advisors: [...advisors.values()],
      dropped,
      warnings,
      region: mainFacts.region,
      ...(mainFacts.year ? { year: mainFacts.year } : {}),
      ...(page.category ? { category: page.category } : {}),
      counts: {
        questions: answered.length,
        followUps: answered.length - 1,
        answers: answered.reduce((n, a) => n + a.answers.length, 0),
        citations: answered.reduce((n, a) => n + a.citations.length, 0),
        related: articles.length - answered.length,
        dropped: { boilerplate: count("boilerplate"), "view-count": count("view-count"), "off-topic": count("off-topic"), duplicate: count("duplicate") },
      },
    },
  };
}

function facts(title: string, question: string | undefined, vocabulary: TopicVocabulary) {
  const year = inferYear(title);
  return {
    region: inferRegion(title)?.code ?? NATIONWIDE,
    insurance: inferInsurance(`${title}\n${question ?? ""}`),
    topics: inferImportedTopics(question ? [title, question] : [title], vocabulary),
    ...(year ? { year } : {}),
  };
}

/** Full-width punctuation, single spaces, 4–120 characters; undefined when it cannot be a title. */
function cleanTitle(raw: string): string | undefined {
  const t = fullWidthPunctuation(raw).replace(/\s+/g, " ").trim();
  const n = [...t].length;
  if (n < 4) return undefined;
  return n <= 120 ? t : `${[...t].slice(0, 119).join("")}…`;
}
