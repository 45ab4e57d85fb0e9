// The AI answer page behind the "region-year" and "news" shapes:
//
//   <question title>                     (some pages start straight with the answer)
//   <answer: paragraphs, labels, • / 1. / - lists>
//   <follow-up question>                  (region-year pages)
//   <its answer …>
//   提示：本内容不能代替面诊，如有不适请尽快就医。
//   相关推荐
//   <title> / <excerpt> / 健康新闻 2025-04-12 …
import { isBlank, isoDate, type Line, looksLikeQuestion, TIMESTAMP_LINE, toLines } from "../text.ts";
import { findRegions, inferRegion } from "../infer.ts";
import { getRegion } from "../../regions/index.ts";
import type { DroppedBlock, ExtractedQuestion, ParseOutcome, Shape } from "../types.ts";
import { buildAnswer } from "./answer.ts";
import { findRecommendationHeading, findUnheadedNews, parseRecommendations } from "./recommendations.ts";

const LIST_START = /^(?:[-•·●▪◦○■□◆◇*](?:\s|$)|\d{1,2}\s*[.．、)）](?!\d)|[(（][一二三四五六七八九十\d]{1,3}[)）])/u;

export type PageHead = { title: string; derived: boolean; bodyStart: number };

/** The title line, or — when the page starts with the answer itself — a title taken from its first clause. */
export function pageHead(lines: Line[]): PageHead | undefined {
  const first = lines.findIndex((l) => !isBlank(l));
  if (first < 0) return undefined;
  const text = lines[first]!.text.trim();
  // A title is one short line without sentence punctuation ("…如何异地结算", "…需要定点?").
  if ([...text].length <= 60 && !/[。；;！!]/u.test(text)) return { title: text, derived: false, bodyStart: first + 1 };
  const clause = /^[^，,。；;！!？?：:]+/u.exec(text)?.[0] ?? text;
  const title = [...clause].length >= 4 ? [...clause].slice(0, 60).join("") : [...text].slice(0, 60).join("");
  return { title, derived: true, bodyStart: first };
}

/**
 * A line that asks a follow-up question: on its own, short, phrased as a question, and about the same
 * subject as the page (it names the page's region, or shares much of the title's wording). Section
 * labels such as "异地结算的条件" or "常见问题" are not questions and stay inside the answer.
 */
export function isFollowUpQuestion(line: Line, title: string): boolean {
  const text = line.text.trim();
  const n = [...text].length;
  if (line.indent > 1 || n < 8 || n > 60) return false;
  if (LIST_START.test(text) || /[。；;：:]/u.test(text) || /[，,]$/u.test(text)) return false;
  if (!looksLikeQuestion(text)) return false;
  const pageRegion = inferRegion(title);
  if (pageRegion) {
    const path = getRegion(pageRegion.code)!.path.map((p) => p.code);
    if (findRegions(text).some((m) => path.includes(m.code) || getRegion(m.code)!.path.some((p) => p.code === pageRegion.code))) return true;
  }
  return dice(text, title) >= 0.35;
}

export function parseAnswerPage(text: string, shape: Extract<Shape, "region-year" | "news">): ParseOutcome {
  const lines = toLines(text);
  const head = pageHead(lines);
  if (!head) return { ok: false, error: "no text" };
  const dropped: DroppedBlock[] = [];
  const warnings: string[] = [];
  if (head.derived) warnings.push(`no title line: title taken from the answer's first clause ("${head.title}") — review it`);

  // Recommendations start after their heading; pages that lost it still end the answer at the
  // disclaimer or at the first news item.
  const headingAt = findRecommendationHeading(lines, head.bodyStart);
  const disclaimerAt = lines.findIndex((l, i) => i >= head.bodyStart && /本内容不能代替面诊/u.test(l.text));
  let contentEnd = lines.length;
  let recStart = -1;
  if (headingAt >= 0) [contentEnd, recStart] = [headingAt, headingAt + 1];
  else if (disclaimerAt >= 0 && lines.slice(disclaimerAt + 1).some((l) => !isBlank(l))) [contentEnd, recStart] = [disclaimerAt + 1, disclaimerAt + 1];
  else {
    const news = findUnheadedNews(lines, head.bodyStart);
    if (news >= 0) [contentEnd, recStart] = [news, news];
  }
  if (recStart >= 0 && headingAt < 0) warnings.push("no 相关推荐 heading: the recommendations were found by their position");
  const content = lines.slice(head.bodyStart, contentEnd);
  let date: string | undefined;
  // A date line right under the title is the page date, not answer text.
  const dateLines = new Set<number>();
  // Question starts: the main question at 0, then each follow-up line.
  const starts: { at: number; title: string }[] = [{ at: 0, title: head.title }];
  content.forEach((l, i) => {
    const ts = TIMESTAMP_LINE.exec(l.text.trim());
    if (ts && i < 3 && !date) {
      date = isoDate(ts[1]!, ts[2]!, ts[3]!);
      dateLines.add(i);
    }
    const prev = content.slice(0, i).reverse().find((p) => !isBlank(p));
    if (i > 0 && (!prev || !/[:：]$/u.test(prev.text.trim())) && isFollowUpQuestion(l, head.title)) starts.push({ at: i, title: l.text.trim() });
  });

  const questions: ExtractedQuestion[] = [];
  starts.forEach((s, k) => {
    const from = k === 0 ? 0 : s.at + 1;
    const to = starts[k + 1]?.at ?? content.length;
    const body = content.slice(from, to).filter((_, j) => !dateLines.has(from + j));
    const answer = buildAnswer(body, { kind: "ai" }, dropped);
    if (answer) questions.push({ title: s.title, answers: [answer] });
    else if (k > 0) warnings.push(`follow-up "${s.title}" has no answer text; left out`);
  });
  const main = questions[0];
  if (!main || main.title !== head.title) return { ok: false, error: "no answer text under the title" };

  const rec = recStart < 0 ? { items: [], dropped: [] } : parseRecommendations(lines.slice(recStart));
  dropped.push(...rec.dropped);
  // No date of its own: the news items listed with it were dated when the page was generated.
  const newsDates = rec.items.map((r) => r.date).filter((d): d is string => !!d).sort();
  date ??= newsDates[newsDates.length - 1];
  return {
    ok: true,
    page: { shape, main, followUps: questions.slice(1), recommended: rec.items, date, dropped, warnings },
  };
}

/** Dice coefficient of character bigrams. */
function dice(a: string, b: string): number {
  const grams = (s: string) => {
    const c = [...s.replace(/[\s\d？?，,。]/gu, "")];
    const m = new Map<string, number>();
    for (let i = 0; i + 1 < c.length; i++) m.set(c[i]! + c[i + 1]!, (m.get(c[i]! + c[i + 1]!) ?? 0) + 1);
    return m;
  };
  const x = grams(a);
  const y = grams(b);
  let both = 0;
  let total = 0;
  for (const [g, n] of x) {
    both += Math.min(n, y.get(g) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total ? (2 * both) / total : 0;
}
