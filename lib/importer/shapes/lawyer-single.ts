// Shape "lawyer-single": a lawyer's answer (pages sometimes stack a second lawyer the same way).
//
//   <question title>
//   <question description …>
//   张凯执业律师                ← name + title
//   已帮助 867 人解决法律问题
//   <answer paragraphs …>
//   相关问题
//   为您推荐20个相关问题
//   <title> / <description> …   ← related questions, no answers
import { stripBoilerplate } from "../clean.ts";
import { isBlank, isoDate, type Line, TIMESTAMP_LINE, toLines } from "../text.ts";
import type { Answerer, DroppedBlock, ExtractedAnswer, ParseOutcome } from "../types.ts";
import { buildAnswer, descriptionText } from "./answer.ts";
import { findRecommendationHeading, parseRecommendations } from "./recommendations.ts";

export const HELPED_LINE = /^已帮助\s*([\d,.]+)\s*(万)?\s*(?:人|位)/u;
export const LAWYER_LINE = /^(.{0,12}?)\s*(执业律师|专职律师|兼职律师|实习律师|律师助理|律师|法律顾问)$/u;
const ORGANISATION = /(律师事务所|律所|法律服务所)$/u;
const NAME = /^[\u4e00-\u9fa5·A-Za-z]{1,12}$/u;

type Byline = { from: number; to: number; answerer: Answerer };

/** The answerer block ending at the "已帮助" line `helped`: [firm] name line, 已帮助, [firm], [date]. */
function bylineAt(lines: Line[], helped: number): (Byline & { date?: string }) | undefined {
  let who = helped - 1;
  while (who >= 0 && isBlank(lines[who])) who--;
  let organisation: string | undefined;
  if (who >= 0 && ORGANISATION.test(lines[who]!.text.trim())) {
    organisation = lines[who]!.text.trim();
    who--;
    while (who >= 0 && isBlank(lines[who])) who--;
  }
  const lawyer = who >= 0 ? LAWYER_LINE.exec(lines[who]!.text.trim()) : null;
  if (!lawyer) return undefined;
  const m = HELPED_LINE.exec(lines[helped]!.text.trim())!;
  const helpedCount = Math.round(Number(m[1]!.replace(/,/g, "")) * (m[2] ? 10_000 : 1));
  const name = lawyer[1]!.trim();
  const answerer: Answerer =
    name && NAME.test(name) ? { kind: "lawyer", name, title: lawyer[2]!, ...(organisation ? { organisation } : {}), helped: helpedCount } : { kind: "unnamed-lawyer" };
  // Lines right after "已帮助": the firm, an answer date.
  let to = helped + 1;
  let date: string | undefined;
  for (; to < lines.length; to++) {
    const t = lines[to]!.text.trim();
    if (!t) continue;
    const ts = TIMESTAMP_LINE.exec(t.replace(/^(?:回答|解答|发布)(?:时间|于)?[:：]?\s*/u, ""));
    if (ORGANISATION.test(t) && answerer.kind === "lawyer" && !answerer.organisation) answerer.organisation = t;
    else if (ts) date = isoDate(ts[1]!, ts[2]!, ts[3]!) ?? date;
    else break;
  }
  return { from: who, to, answerer, date };
}

export function parseLawyerSingle(text: string): ParseOutcome {
  const lines = toLines(text);
  const heading = findRecommendationHeading(lines);
  const end = heading < 0 ? lines.length : heading;
  const bylines: (Byline & { date?: string })[] = [];
  lines.forEach((l, i) => {
    if (i < end && HELPED_LINE.test(l.text.trim())) {
      const b = bylineAt(lines, i);
      if (b) bylines.push(b);
    }
  });
  const first = bylines[0];
  if (!first) return { ok: false, error: 'no answerer line (name + 执业律师) followed by "已帮助 N 人"' };

  const dropped: DroppedBlock[] = [];
  const warnings: string[] = [];

  // Header: title, then the description; a date line anywhere in it is the page date.
  let date: string | undefined;
  const header: Line[] = [];
  for (const l of lines.slice(0, first.from)) {
    const t = TIMESTAMP_LINE.exec(l.text.trim());
    if (t) date ??= isoDate(t[1]!, t[2]!, t[3]!);
    else header.push(l);
  }
  const start = header.findIndex((l) => !isBlank(l));
  if (start < 0) return { ok: false, error: "no question title before the answerer" };
  const title = header[start]!.text.trim();
  const description = stripBoilerplate(header.slice(start + 1));
  dropped.push(...description.dropped);

  const answers: ExtractedAnswer[] = [];
  bylines.forEach((b, k) => {
    date ??= b.date;
    const answer = buildAnswer(lines.slice(b.to, bylines[k + 1]?.from ?? end), b.answerer, dropped);
    if (answer) answers.push(answer);
  });
  if (!answers.length) return { ok: false, error: "the answer after the answerer line is empty" };
  const rec = heading < 0 ? { items: [], dropped: [] } : parseRecommendations(lines.slice(heading + 1));
  dropped.push(...rec.dropped);

  return {
    ok: true,
    page: {
      shape: "lawyer-single",
      main: { title, body: descriptionText(description.kept), answers },
      followUps: [],
      recommended: rec.items,
      date,
      dropped,
      warnings,
    },
  };
}
