// Answer Markdown → sanitised HTML. Pure: no framework imports.
import type { Paragraph, PhrasingContent, Root, RootContent } from "mdast";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkDirective from "remark-directive";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import type { VFile } from "vfile";
import {
  calculatorAttributeDefinition,
  remarkCalculatorDirective,
  splitAtCalculators,
  type MarkdownPart,
} from "./calculator-directive.ts";
import { checkMarkdownLimits, MARKDOWN_LIMITS, type MarkdownLimits } from "./limits.ts";

/**
 * remark-directive reads any ":word" as a directive, and Chinese prose is full of ASCII colons
 * ("比例:50%", "注意:xx"). Directives we do not handle are turned back into the text they were written as.
 */
export function remarkDirectivesAsText(allow: ReadonlySet<string> = new Set()) {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const slice = (n: { position?: { start: { offset?: number }; end: { offset?: number } } }) =>
      n.position ? source.slice(n.position.start.offset, n.position.end.offset) : "";
    const restore = (nodes: RootContent[]): RootContent[] =>
      nodes.flatMap((node): RootContent[] => {
        if ("children" in node && node.type !== "containerDirective") {
          (node as { children: RootContent[] }).children = restore((node as { children: RootContent[] }).children);
        }
        if (node.type === "textDirective" && !allow.has(node.name)) {
          return [{ type: "text", value: slice(node) }];
        }
        if (node.type === "leafDirective" && !allow.has(node.name)) {
          return [{ type: "paragraph", children: [{ type: "text", value: slice(node) }] } satisfies Paragraph];
        }
        if (node.type === "containerDirective" && !allow.has(node.name)) {
          const text = slice(node).split("\n");
          const para = (value: string): Paragraph => ({ type: "paragraph", children: [{ type: "text", value } as PhrasingContent] });
          const children = restore(node.children as RootContent[]).filter((c) => !(c.type === "paragraph" && (c.data as { directiveLabel?: boolean })?.directiveLabel));
          return [para(text[0] ?? ""), ...children, para(text[text.length - 1] ?? ":::")];
        }
        return [node];
      });
    tree.children = restore(tree.children) as Root["children"];
  };
}

// The GitHub schema plus exactly one addition: the calculator placeholder's data attribute, on a div,
// with a value restricted to the placeholder's own alphabet.
const sanitizeSchema = {
  ...defaultSchema,
  clobberPrefix: "md-",
  attributes: {
    ...defaultSchema.attributes,
    div: [...(defaultSchema.attributes?.div ?? []), calculatorAttributeDefinition],
  },
};

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkDirective)
  // Valid ::calculator lines become placeholders first; every other directive is then text again.
  .use(remarkCalculatorDirective)
  .use(remarkDirectivesAsText)
  // Raw HTML in Markdown is dropped here (no allowDangerousHtml) and the result sanitised again below.
  .use(remarkRehype)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeStringify);

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/**
 * The text itself, escaped, one paragraph per blank-line-separated block: what a reader gets when the
 * Markdown is too large or too deeply nested to parse. Cut at the size limit, so that a 5 MB answer
 * stored before the limits existed does not become a 5 MB page either.
 */
export function renderPlainText(md: string): string {
  const max = MARKDOWN_LIMITS.maxBytes;
  const text = md.length > max ? `${md.slice(0, max)}…` : md;
  return text
    .split(/\n[ \t]*\n+/)
    .filter((block) => block.trim() !== "")
    .map((block) => `<p>${escapeHtml(block.trim()).replace(/\n/g, "<br>\n")}</p>`)
    .join("\n");
}

/**
 * Never throws: Markdown over the limits (lib/markdown/limits.ts) is not parsed at all, and anything
 * the parser still chokes on (a stack overflow in a nesting the limits did not foresee) falls back to
 * the escaped text, so one answer can neither take a request down nor hold the process for minutes.
 */
export function renderMarkdown(md: string, limits: MarkdownLimits = MARKDOWN_LIMITS): string {
  if (checkMarkdownLimits(md, limits)) return renderPlainText(md);
  try {
    return String(processor.processSync(md));
  } catch {
    return renderPlainText(md);
  }
}

/** The rendered answer cut at its embedded calculators, for a page to draw them between the HTML. */
export function renderMarkdownParts(md: string): MarkdownPart[] {
  return splitAtCalculators(renderMarkdown(md));
}

export type { CalculatorDirective, MarkdownPart } from "./calculator-directive.ts";
