// The recommendation lists at the foot of a page, in the three layouts the sites use:
//   相关问题       title, blank, the asker's description, blank, …
//   相关推荐       title, excerpt …, "健康新闻 2025-04-12"
//   相关知识推荐   title, "category 14260" (view count), sometimes the title again
// Pure: returns every item; the on-topic check happens in plan.ts.
import { stripBoilerplate } from "../clean.ts";
import { ENDS_SENTENCE, isBlank, isoDate, type Line, looksLikeQuestion, paragraphs, titleKey } from "../text.ts";
import type { DroppedBlock, RecommendedItem } from "../types.ts";

/** Section headings that start a recommendation list. */
export const RECOMMENDATION_HEADING =
  /^(?:相关问题|相关推荐|相关知识推荐|相关知识|相关咨询|猜你喜欢|推荐阅读|热门问题|大家都在问|相关阅读|为您推荐\s*\d+\s*(?:个|条)相关问题)[:：]?$/u;

export const NEWS_TRAILER = /^(?:健康新闻|新闻资讯|资讯)\s*(\d{4})-(\d{1,2})-(\d{1,2})$/u;
const TAG_WITH_COUNT = /^([\u4e00-\u9fa5A-Za-z·]{2,16})\s+(\d[\d,]*)$/u;

export function parseRecommendations(input: Line[]): { items: RecommendedItem[]; dropped: DroppedBlock[] } {
  const { kept: lines, dropped } = stripBoilerplate(input);
  let items: RecommendedItem[];
  if (lines.some((l) => NEWS_TRAILER.test(l.text.trim()))) items = newsItems(lines);
  else if (isTagList(lines)) items = tagItems(lines, dropped);
  else items = questionItems(lines);
  // The same question listed twice (often with and without a question mark) is kept once.
  const seen = new Set<string>();
  const unique: RecommendedItem[] = [];
  for (const item of items) {
    const key = titleKey(item.title);
    if (seen.has(key)) dropped.push({ reason: "duplicate", text: item.title });
    else {
      seen.add(key);
      unique.push(item);
    }
  }
  return { items: unique, dropped };
}

function newsItems(lines: Line[]): RecommendedItem[] {
  const items: RecommendedItem[] = [];
  let group: string[] = [];
  const flush = (date?: string) => {
    const [title, ...body] = group;
    if (title) items.push({ title, body: body.join("\n") || undefined, bodyKind: "excerpt", date });
    group = [];
  };
  for (const l of lines) {
    const t = l.text.trim();
    if (!t) continue;
    const m = NEWS_TRAILER.exec(t);
    if (m) flush(isoDate(m[1]!, m[2]!, m[3]!));
    else group.push(t);
  }
  flush();
  return items;
}

/** Short lines, no blank-separated paragraphs of prose: the "相关知识推荐" layout. */
function isTagList(lines: Line[]): boolean {
  const texts = lines.map((l) => l.text.trim()).filter(Boolean);
  return texts.length > 0 && texts.some((t) => TAG_WITH_COUNT.test(t)) && texts.every((t) => [...t].length <= 40);
}

function tagItems(lines: Line[], dropped: DroppedBlock[]): RecommendedItem[] {
  const texts = lines.map((l) => l.text.trim()).filter(Boolean);
  const items: RecommendedItem[] = [];
  for (let i = 0; i < texts.length; i++) {
    const title = texts[i]!;
    items.push({ title });
    const next = texts[i + 1];
    if (next === undefined) break;
    const repeated = texts[i + 2] === title;
    const count = TAG_WITH_COUNT.exec(next);
    if (count || repeated || isCategoryTag(next)) {
      if (count) dropped.push({ reason: "view-count", text: next });
      i++;
      if (repeated) i++;
    }
  }
  return items;
}

/** "城镇医保资讯", "债务追讨": a short label that is not itself a question. */
function isCategoryTag(text: string): boolean {
  return [...text].length <= 8 && !looksLikeQuestion(text) && !ENDS_SENTENCE.test(text);
}

/** Title paragraphs (short, question-like) each followed by the asker's description. */
function questionItems(lines: Line[]): RecommendedItem[] {
  const items: RecommendedItem[] = [];
  for (const para of paragraphs(lines)) {
    // A run of title lines without descriptions: one item each.
    if (para.length > 1 && para.every((l) => isQuestionTitle(l.text.trim()) && !/^(?:我|本人)/u.test(l.text.trim()))) {
      for (const l of para) items.push({ title: l.text.trim() });
      continue;
    }
    const text = para.map((l) => l.text.trim()).join("\n");
    const current = items[items.length - 1];
    // Descriptions are written in the first person ("我参加了…"), or run on in clauses longer than the
    // title they follow ("上个月没交上，这个月住院了，能报吗？"); titles are short and direct.
    const description =
      current && !current.body && (/^(?:我|本人)/u.test(text) || (/[，,]/u.test(text) && [...text].length > [...current.title].length));
    if (para.length === 1 && isQuestionTitle(text) && !description) items.push({ title: text });
    else if (current && !current.body) {
      current.body = text;
      current.bodyKind = "question";
    } else if (current) current.body += `\n${text}`;
    // Prose before the first title has no question to belong to; it is ignored.
  }
  return items;
}

export function isQuestionTitle(text: string): boolean {
  const n = [...text].length;
  if (n < 4 || n > 60) return false;
  return /[?？]$/u.test(text) || (looksLikeQuestion(text) && !/[。！!]$/u.test(text)) || !/[。，,；;：:！!]/u.test(text);
}

/** Index of the first recommendation heading at or after `from`, or -1. */
export function findRecommendationHeading(lines: Line[], from = 0): number {
  for (let i = from; i < lines.length; i++) if (!isBlank(lines[i]) && RECOMMENDATION_HEADING.test(lines[i]!.text.trim())) return i;
  return -1;
}

/**
 * Where the news items start when the page lost its "相关推荐" heading: the title paragraph two
 * paragraphs above the first "健康新闻 DATE" line (title, excerpt, trailer). -1 when there are none.
 */
export function findUnheadedNews(lines: Line[], from = 0): number {
  const trailer = lines.findIndex((l, i) => i >= from && NEWS_TRAILER.test(l.text.trim()));
  if (trailer < 0) return -1;
  let i = trailer - 1;
  for (let para = 0; para < 2; para++) {
    while (i >= from && isBlank(lines[i])) i--;
    while (i >= from && !isBlank(lines[i])) i--;
  }
  return Math.max(i + 1, from);
}
