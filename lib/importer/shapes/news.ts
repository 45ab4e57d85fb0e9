// Shape "news": an AI answer (often in numbered steps) followed by "相关推荐" items that each end in
// "健康新闻 YYYY-MM-DD" — mostly hospital adverts and symptom pages, some on-topic questions.
import type { ParseOutcome } from "../types.ts";
import { parseAnswerPage } from "./answer-page.ts";

export function parseNews(text: string): ParseOutcome {
  return parseAnswerPage(text, "news");
}
