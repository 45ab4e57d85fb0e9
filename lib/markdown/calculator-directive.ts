// The one directive answers may use: `::calculator{region="520500" year="2025" insurance="resident"
// scheme="outpatient"}` embeds the reimbursement calculator. Pure: this module only turns the directive
// into a placeholder element and finds the placeholders again in the rendered HTML; the page decides
// what to draw there (components/AnswerBody.tsx).
import type { Paragraph, Root } from "mdast";
import type { LeafDirective } from "mdast-util-directive";
import { z } from "zod";
import { filingSchema } from "../calculators/engine/estimate-input.ts";
import { deliverySchema, facilityLevelSchema, insuranceSchema, personSchema, schemeSchema } from "../calculators/engine/policy-schema.ts";

export const CALCULATOR_DIRECTIVE = "calculator";

/**
 * Attributes as written in Markdown (always strings). region/year/insurance/scheme pick the policy;
 * the rest are optional starting values for the form. Unknown attributes make the directive invalid,
 * so a typo shows up as visible text rather than as a silently ignored option.
 */
export const calculatorDirectiveSchema = z
  .object({
    region: z.string().regex(/^\d{6}$/),
    year: z
      .string()
      .regex(/^\d{4}$/)
      .transform(Number),
    insurance: insuranceSchema,
    scheme: schemeSchema,
    level: facilityLevelSchema.optional(),
    person: personSchema.optional(),
    filing: filingSchema.optional(),
    delivery: deliverySchema.optional(),
    total: z
      .string()
      .regex(/^\d{1,9}(\.\d{1,2})?$/)
      .transform(Number)
      .optional(),
  })
  .strict()
  .refine((d) => d.person === undefined || (d.insurance === "resident") === (d.person === "resident"), {
    path: ["person"],
  });
export type CalculatorDirective = z.output<typeof calculatorDirectiveSchema>;

/** Every value the schema accepts is made of these characters, so the placeholder never needs escaping. */
const SERIALIZED = /^[a-z0-9:. -]*$/;
const PLACEHOLDER = /<div data-calculator="([a-z0-9:. -]*)"><\/div>/g;

/** The sanitiser lets `data-calculator` through on a div only with a value of this shape. */
export const calculatorAttributeDefinition: [string, RegExp] = ["dataCalculator", SERIALIZED];

function parseAttributes(raw: Record<string, unknown>): CalculatorDirective | null {
  const parsed = calculatorDirectiveSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** "region:520500 year:2025 …" — the validated attributes, in a form that survives HTML untouched. */
export function serializeCalculatorDirective(directive: CalculatorDirective): string {
  return Object.entries(directive)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}:${String(value)}`)
    .join(" ");
}

export function parseSerializedDirective(text: string): CalculatorDirective | null {
  if (!SERIALIZED.test(text)) return null;
  const raw: Record<string, string> = {};
  for (const pair of text.split(" ").filter(Boolean)) {
    const colon = pair.indexOf(":");
    if (colon <= 0) return null;
    raw[pair.slice(0, colon)] = pair.slice(colon + 1);
  }
  return parseAttributes(raw);
}

export function directiveFromNode(node: LeafDirective): CalculatorDirective | null {
  if (node.name !== CALCULATOR_DIRECTIVE) return null;
  return parseAttributes(node.attributes ?? {});
}

function placeholder(directive: CalculatorDirective, node: LeafDirective): Paragraph {
  // A paragraph node only carries the element through remark-rehype: data.hName turns it into an
  // empty div, and, not being a directive, remarkDirectivesAsText leaves it alone.
  return {
    type: "paragraph",
    children: [],
    position: node.position,
    data: { hName: "div", hProperties: { dataCalculator: serializeCalculatorDirective(directive) } },
  };
}

/**
 * Replaces valid top-level `::calculator{…}` lines with placeholders. Must run before
 * remarkDirectivesAsText, which turns everything left (invalid attributes, `:calculator` text
 * directives, calculators nested in lists or quotes, where a widget cannot sit) back into text.
 */
export function remarkCalculatorDirective() {
  return (tree: Root) => {
    tree.children = tree.children.map((node) => {
      if (node.type !== "leafDirective") return node;
      const directive = directiveFromNode(node);
      return directive ? placeholder(directive, node) : node;
    });
  };
}

export type MarkdownPart = { kind: "html"; html: string } | { kind: "calculator"; directive: CalculatorDirective };

/** Cuts sanitised HTML at the calculator placeholders; each placeholder is validated again. */
export function splitAtCalculators(html: string): MarkdownPart[] {
  const parts: MarkdownPart[] = [];
  const pushHtml = (chunk: string) => {
    if (chunk.trim() !== "") parts.push({ kind: "html", html: chunk });
  };
  let last = 0;
  for (const match of html.matchAll(PLACEHOLDER)) {
    pushHtml(html.slice(last, match.index));
    const directive = parseSerializedDirective(match[1] ?? "");
    if (directive) parts.push({ kind: "calculator", directive });
    last = match.index + match[0].length;
  }
  pushHtml(html.slice(last));
  return parts;
}
