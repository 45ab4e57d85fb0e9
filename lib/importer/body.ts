// Turns the lines of one answer, as scraped, into Markdown: bullets and numbered steps become Markdown
// lists (nested by indentation), short label lines become bold, everything else a paragraph. Pure.
import { ENDS_SENTENCE, type Line, chineseNumber, fullWidthPunctuation, isBlank } from "./text.ts";

type Block =
  | { kind: "item"; ordered: boolean; n: number; level: number; text: string }
  | { kind: "para"; text: string }
  | { kind: "label"; text: string };

const BULLET = /^[-•·●▪◦○■□◆◇*]\s+(\S.*)$/u;
const EMPTY_BULLET = /^[-•·●▪◦○■□◆◇*]$/u;
const NUMBERED = /^(\d{1,2})\s*[.．、)）](?!\d)\s*(\S.*)$/u;
const PAREN_NUMBERED = /^[(（](\d{1,2}|[一二三四五六七八九十]{1,3})[)）]\s*(\S.*)$/u;
const CN_SECTION = /^([一二三四五六七八九十]{1,3})[、.．]\s*(\S.*)$/u;
const BRACKET_NUMBER = /^【(\d{1,2})】\s*(\S.*)$/u;

/** Markdown for an answer. Lines must already be free of boilerplate. */
export function linesToMarkdown(input: Line[]): string {
  const lines = trimBlankEdges(input);
  const blocks: Block[] = [];
  // Indentation stack for nesting list items; reset by any non-list block.
  let stack: number[] = [];
  // "-" on its own line followed by a label: the label is the item, the bullets after it its children.
  let labelParent: { indent: number; level: number } | null = null;

  const levelFor = (indent: number): number => {
    while (stack.length && stack[stack.length - 1]! > indent) stack.pop();
    if (!stack.length || stack[stack.length - 1]! < indent) stack.push(indent);
    return Math.min(stack.length - 1, 3);
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBlank(line)) continue;
    const text = line.text.trim();

    if (EMPTY_BULLET.test(text)) {
      const next = lines.slice(i + 1).findIndex((l) => !isBlank(l));
      const label = next >= 0 ? lines[i + 1 + next]! : undefined;
      if (label && !BULLET.test(label.text.trim()) && !EMPTY_BULLET.test(label.text.trim())) {
        const level = levelFor(line.indent);
        blocks.push({ kind: "item", ordered: false, n: 0, level, text: label.text.trim() });
        labelParent = { indent: line.indent, level };
        i += 1 + next;
      }
      continue;
    }

    const item = listItem(text);
    if (item) {
      let level: number;
      if (labelParent && line.indent <= labelParent.indent + 1 && !item.ordered) level = labelParent.level + 1;
      else {
        labelParent = null;
        level = levelFor(line.indent);
      }
      blocks.push({ kind: "item", level, ...item });
      continue;
    }

    stack = [];
    labelParent = null;
    const bracket = BRACKET_NUMBER.exec(text);
    const section = CN_SECTION.exec(text);
    if (bracket) blocks.push({ kind: "label", text: `${bracket[1]}. ${bracket[2]}` });
    else if (section && isLabel(section[2]!)) blocks.push({ kind: "label", text });
    else if (isLabel(text) && i < lines.length - 1) blocks.push({ kind: "label", text });
    else blocks.push({ kind: "para", text });
  }
  return render(blocks);
}

function listItem(text: string): { ordered: boolean; n: number; text: string } | undefined {
  let m = BULLET.exec(text);
  if (m) return { ordered: false, n: 0, text: m[1]! };
  m = NUMBERED.exec(text);
  if (m) return { ordered: true, n: Number(m[1]), text: m[2]! };
  m = PAREN_NUMBERED.exec(text);
  if (m) {
    const n = chineseNumber(m[1]!);
    if (n !== undefined) return { ordered: true, n, text: m[2]! };
  }
  return undefined;
}

/** A short line without sentence punctuation: a section label such as "报销条件" or "异地结算的流程". */
function isLabel(text: string): boolean {
  return [...text].length <= 24 && /^[\u4e00-\u9fff（(【“]/u.test(text) && !ENDS_SENTENCE.test(text) && !/[。？?！!]/u.test(text) && !/^\d+(\.\d+)?%?$/.test(text);
}

function render(blocks: Block[]): string {
  const out: string[] = [];
  let prev: Block | undefined;
  for (const b of blocks) {
    if (prev && !(prev.kind === "item" && b.kind === "item")) out.push("");
    if (b.kind === "item") {
      const marker = b.ordered ? `${b.n}.` : "-";
      out.push(`${"    ".repeat(b.level)}${marker} ${inline(b.text)}`);
    } else if (b.kind === "label") out.push(`**${inline(b.text).replace(/[:：]$/u, "")}**`);
    else out.push(escapeBlockStart(inline(b.text)));
    prev = b;
  }
  return out.join("\n");
}

function inline(text: string): string {
  // Emphasis characters in scraped prose are literal; backslashes too.
  return fullWidthPunctuation(text).replace(/([\\*_`])/g, "\\$1");
}

/** Keep paragraph text from being read as Markdown or directive syntax. */
function escapeBlockStart(text: string): string {
  return text.replace(/^(#{1,6}\s|>|:{2,}|={3,})/u, "\\$1");
}

function trimBlankEdges(lines: Line[]): Line[] {
  let a = 0;
  let b = lines.length;
  while (a < b && isBlank(lines[a])) a++;
  while (b > a && isBlank(lines[b - 1])) b--;
  return lines.slice(a, b);
}
