// Shape "region-year": an AI answer about one region's policy in one year ("2025贵州毕节医保门诊统筹如何
// 异地结算"), often followed by follow-up questions answered on the same page, then 相关推荐 news items.
// Region, year, insurance type and scheme are read from the titles in plan.ts.
import type { ParseOutcome } from "../types.ts";
import { parseAnswerPage } from "./answer-page.ts";

export function parseRegionYear(text: string): ParseOutcome {
  return parseAnswerPage(text, "region-year");
}
