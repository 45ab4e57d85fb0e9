// One answer's lines → an ExtractedAnswer: boilerplate removed, 法律依据 cut out into citations, the
// rest as Markdown. Shared by every shape. Pure.
import { linesToMarkdown } from "../body.ts";
import { dedupeCitations, extractLegalBasis, findInlineCitations } from "../citations.ts";
import { stripBoilerplate } from "../clean.ts";
import { dedent, type Line } from "../text.ts";
import type { Answerer, DroppedBlock, ExtractedAnswer } from "../types.ts";

export function buildAnswer(lines: Line[], answerer: Answerer, dropped: DroppedBlock[]): ExtractedAnswer | undefined {
  const clean = stripBoilerplate(dedent(lines));
  dropped.push(...clean.dropped);
  const legal = extractLegalBasis(clean.kept);
  const body = linesToMarkdown(legal.lines);
  if (!body.trim()) return undefined;
  const inline = findInlineCitations(legal.lines.map((l) => l.text).join("\n"));
  return { answerer, body, citations: dedupeCitations([...legal.citations, ...inline]) };
}

/** Lines of a question description, one paragraph per source paragraph. */
export function descriptionText(lines: Line[]): string | undefined {
  const text = lines
    .map((l) => l.text.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return text || undefined;
}
