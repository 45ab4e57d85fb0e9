// Shape "lawyer-multi": a "法律咨询" page answered by several lawyers.
//
//   法律咨询
//   <question title>
//   <description …>            (optional)
//   劳动纠纷                    ← category
//   2023-05-26 09:23:03         ← timestamp
//   共有3位律师解答
//     • <answer 1, continuation lines indented>
//     • <answer 2 … 法律依据：《…》第X条 …>
//   未面谈及查看证据材料，律师回答仅供参考。
//   相关知识推荐
//   <title> / <category 14260> …
//   加载中
import { stripBoilerplate } from "../clean.ts";
import { ENDS_SENTENCE, isBlank, isoDate, type Line, TIMESTAMP_LINE, toLines } from "../text.ts";
import type { Answerer, DroppedBlock, ExtractedAnswer, ParseOutcome } from "../types.ts";
import { buildAnswer, descriptionText } from "./answer.ts";
import { findRecommendationHeading, parseRecommendations } from "./recommendations.ts";

export const CONSULTATION_HEADER = /^法律咨询$/u;
export const DECLARED_ANSWERS = /^共有\s*(\d+)\s*位律师(?:解答|回答|回复)/u;
const ANSWER_START = /^[•·●▪◦]\s*(.*)$/u;
const NAMED_LAWYER = /^([\u4e00-\u9fa5·]{2,6}?)(执业律师|律师)$/u;

export function parseLawyerMulti(text: string): ParseOutcome {
  const lines = toLines(text);
  const header = lines.findIndex((l) => CONSULTATION_HEADER.test(l.text.trim()));
  const declaredAt = lines.findIndex((l) => DECLARED_ANSWERS.test(l.text.trim()));
  if (header < 0) return { ok: false, error: 'no "法律咨询" header' };
  const dropped: DroppedBlock[] = [];
  const warnings: string[] = [];

  // Header block: title, optional description, category, timestamp.
  const headEnd = declaredAt >= 0 ? declaredAt : firstAnswerStart(lines, header + 1);
  if (headEnd < 0) return { ok: false, error: 'no "共有 N 位律师解答" line and no answers' };
  const head = lines.slice(header + 1, headEnd).filter((l) => !isBlank(l));
  const title = head.shift()?.text.trim();
  if (!title) return { ok: false, error: "no question title after 法律咨询" };
  let date: string | undefined;
  let category: string | undefined;
  const tsAt = head.findIndex((l) => TIMESTAMP_LINE.test(l.text.trim()));
  let descEnd = head.length;
  if (tsAt >= 0) {
    const t = TIMESTAMP_LINE.exec(head[tsAt]!.text.trim())!;
    date = isoDate(t[1]!, t[2]!, t[3]!);
    descEnd = tsAt;
    const prev = head[tsAt - 1]?.text.trim();
    if (prev && [...prev].length <= 12 && !ENDS_SENTENCE.test(prev) && !/[？?。]/u.test(prev)) {
      category = prev;
      descEnd = tsAt - 1;
    }
  }
  const description = stripBoilerplate(head.slice(0, descEnd));
  dropped.push(...description.dropped);

  // Answers: each starts with a bullet; the list ends at the recommendations.
  const recAt = findRecommendationHeading(lines, headEnd);
  const answerRegion = lines.slice(declaredAt >= 0 ? declaredAt + 1 : headEnd, recAt < 0 ? lines.length : recAt);
  const answers: ExtractedAnswer[] = [];
  for (const chunk of splitAnswers(answerRegion)) {
    const { answerer, lines: body } = answererOf(chunk);
    const answer = buildAnswer(body, answerer, dropped);
    if (answer) answers.push(answer);
  }
  if (!answers.length) return { ok: false, error: "no answer text under 共有 N 位律师解答" };
  const declared = declaredAt >= 0 ? Number(DECLARED_ANSWERS.exec(lines[declaredAt]!.text.trim())![1]) : undefined;
  if (declared !== undefined && declared !== answers.length) {
    warnings.push(`page says ${declared} answers, found ${answers.length}`);
  }

  const rec = recAt < 0 ? { items: [], dropped: [] } : parseRecommendations(lines.slice(recAt + 1));
  dropped.push(...rec.dropped);
  return {
    ok: true,
    page: {
      shape: "lawyer-multi",
      main: { title, body: descriptionText(description.kept), answers },
      followUps: [],
      recommended: rec.items,
      category,
      date,
      declaredAnswers: declared,
      dropped,
      warnings,
    },
  };
}

function firstAnswerStart(lines: Line[], from: number): number {
  for (let i = from; i < lines.length; i++) if (lines[i]!.indent <= 4 && ANSWER_START.test(lines[i]!.text)) return i;
  return -1;
}

/** Bullet-started chunks; the bullet line's text takes the indentation of its continuation lines. */
function splitAnswers(region: Line[]): Line[][] {
  const starts = region.flatMap((l, i) => (!isBlank(l) && l.indent <= 4 && ANSWER_START.test(l.text) ? [i] : []));
  if (!starts.length) return region.some((l) => !isBlank(l)) ? [region.map(fixBracket)] : [];
  return starts.map((s, k) => {
    const chunk = region.slice(s, starts[k + 1] ?? region.length);
    const rest = chunk.slice(1);
    const indents = rest.filter((l) => !isBlank(l) && l.indent > chunk[0]!.indent).map((l) => l.indent);
    const indent = indents.length ? Math.min(...indents) : chunk[0]!.indent + 2;
    const first = { text: ANSWER_START.exec(chunk[0]!.text)![1]!, indent };
    return [first, ...rest].map(fixBracket);
  });
}

/**
 * Some pages lose the closing bracket of a label and repeat "【" at the start of every line
 * ("【2、如果…", "【(一)企业…"). Drop the stray bracket and the "【法律分析】：" label.
 */
function fixBracket(line: Line): Line {
  let text = line.text.replace(/^【(?:法律分析|律师分析|分析|解答|回答)】\s*[:：]*\s*/u, "");
  if (text.startsWith("【") && !text.includes("】")) text = text.slice(1);
  return { ...line, text };
}

/** A first line "王某律师" names the answerer; otherwise the page does not say who answered. */
function answererOf(chunk: Line[]): { answerer: Answerer; lines: Line[] } {
  const first = chunk.findIndex((l) => !isBlank(l));
  const m = first >= 0 ? NAMED_LAWYER.exec(chunk[first]!.text.trim()) : null;
  if (!m) return { answerer: { kind: "unnamed-lawyer" }, lines: chunk };
  return { answerer: { kind: "lawyer", name: m[1]!, title: m[2]! }, lines: chunk.slice(first + 1) };
}
