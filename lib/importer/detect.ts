// Which of the known page shapes a text is. Pure; checks the most specific markers first.
import { inferRegion, inferYear } from "./infer.ts";
import { isFollowUpQuestion, pageHead } from "./shapes/answer-page.ts";
import { CONSULTATION_HEADER, DECLARED_ANSWERS } from "./shapes/lawyer-multi.ts";
import { HELPED_LINE, LAWYER_LINE } from "./shapes/lawyer-single.ts";
import { isBlank, toLines } from "./text.ts";
import type { Shape } from "./types.ts";

export type Detection = { shape: Shape; reason: string } | { shape: null; reason: string };

const NEWS_TRAILER = /^健康新闻\s*\d{4}-\d{1,2}-\d{1,2}$/u;

export function detectShape(text: string): Detection {
  const lines = toLines(text);
  const content = lines.filter((l) => !isBlank(l));
  const texts = content.map((l) => l.text.trim());
  if (!texts.length) return { shape: null, reason: "no text" };

  // "法律咨询" header near the top and "共有 N 位律师解答".
  if (texts.slice(0, 5).some((t) => CONSULTATION_HEADER.test(t)) && texts.some((t) => DECLARED_ANSWERS.test(t))) {
    return { shape: "lawyer-multi", reason: '"法律咨询" header and "共有 N 位律师解答"' };
  }
  // An answerer line (name + 执业律师) directly above "已帮助 N 人".
  const helped = texts.findIndex((t) => HELPED_LINE.test(t));
  if (helped > 0 && (LAWYER_LINE.test(texts[helped - 1]!) || LAWYER_LINE.test(texts[helped - 2] ?? ""))) {
    return { shape: "lawyer-single", reason: 'answerer line with 律师 and "已帮助 N 人"' };
  }

  const head = pageHead(lines);
  if (!head || texts.length < 2) return { shape: null, reason: "a single line of text: no answer" };
  const region = inferRegion(head.title);
  const year = inferYear(head.title);
  if (region && year) return { shape: "region-year", reason: `title names ${region.name} and ${year}` };
  if (texts.some((t) => NEWS_TRAILER.test(t))) return { shape: "news", reason: '"相关推荐" items ending in "健康新闻 DATE"' };
  if ((region || year) && content.slice(1).some((l) => isFollowUpQuestion(l, head.title))) {
    return { shape: "region-year", reason: `title names ${region?.name ?? year} and the page answers follow-up questions` };
  }
  return {
    shape: null,
    reason: 'no "法律咨询 … 共有 N 位律师解答", no "律师 / 已帮助 N 人" answerer, no region + year in the title, no "健康新闻 DATE" recommendations',
  };
}
