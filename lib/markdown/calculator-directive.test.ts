import { describe, expect, it } from "vitest";
import { parseSerializedDirective, serializeCalculatorDirective, splitAtCalculators } from "./calculator-directive.ts";
import { renderMarkdown, renderMarkdownParts } from "./render.ts";

const BIJIE = 'region="520500" year="2025" insurance="resident" scheme="outpatient"';

describe("::calculator directive", () => {
  it("turns a valid leaf directive into a placeholder between the HTML parts", () => {
    const parts = renderMarkdownParts(`前文:比例\n\n::calculator{${BIJIE} level="village" total="100"}\n\n后文`);
    expect(parts).toEqual([
      { kind: "html", html: "<p>前文:比例</p>\n" },
      {
        kind: "calculator",
        directive: { region: "520500", year: 2025, insurance: "resident", scheme: "outpatient", level: "village", total: 100 },
      },
      { kind: "html", html: "\n<p>后文</p>" },
    ]);
  });

  it("renders the placeholder as an empty div with one data attribute", () => {
    expect(renderMarkdown(`::calculator{${BIJIE}}`)).toBe(
      '<div data-calculator="region:520500 year:2025 insurance:resident scheme:outpatient"></div>',
    );
  });

  it.each([
    ["a missing attribute", '::calculator{region="520500" year="2025" insurance="resident"}'],
    ["a region that is not six digits", '::calculator{region="5205" year="2025" insurance="resident" scheme="outpatient"}'],
    ["an unknown scheme", '::calculator{region="520500" year="2025" insurance="resident" scheme="dental"}'],
    ["an unknown attribute", `::calculator{${BIJIE} onclick="alert(1)"}`],
    ["a person who does not match the insurance", `::calculator{${BIJIE} person="retired"}`],
    ["an amount with three decimals", `::calculator{${BIJIE} total="1.005"}`],
  ])("keeps the directive as text when it has %s", (_, md) => {
    const parts = renderMarkdownParts(md);
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({ kind: "html" });
    expect(renderMarkdown(md)).toContain("::calculator{");
    expect(renderMarkdown(md)).not.toContain("data-calculator");
  });

  it("keeps text and container directives named calculator, and unknown directives, as text", () => {
    const md = `说明:calculator{${BIJIE}} 之后\n\n:::calculator{${BIJIE}}\n内容\n:::\n\n::video{src="x"}`;
    const html = renderMarkdown(md);
    expect(html).toContain(`说明:calculator{${BIJIE}} 之后`);
    expect(html).toContain(":::calculator{");
    expect(html).toContain("内容");
    expect(html).toContain('::video{src="x"}');
    expect(html).not.toContain("data-calculator");
  });

  it("does not embed a calculator nested in a list, where it could not be cut out cleanly", () => {
    const html = renderMarkdown(`- 第一\n\n  ::calculator{${BIJIE}}`);
    expect(html).not.toContain("data-calculator");
    expect(html).toContain("::calculator{");
  });

  it("cannot be used to inject HTML through attribute values", () => {
    const md = `::calculator{region="520500&quot;><script>alert(1)</script>" year="2025" insurance="resident" scheme="outpatient"}`;
    const html = renderMarkdown(md);
    expect(html).not.toMatch(/<script|data-calculator/i);
  });

  it("lets no hand-written data-calculator through the sanitiser", () => {
    const html = renderMarkdown('<div data-calculator="region:520500 year:2025 insurance:resident scheme:outpatient"></div>');
    expect(html).not.toContain("data-calculator");
    expect(splitAtCalculators(html).every((part) => part.kind === "html")).toBe(true);
  });

  it("validates placeholders again when splitting", () => {
    expect(splitAtCalculators('<div data-calculator="region:52 year:2025"></div>')).toEqual([]);
    expect(parseSerializedDirective("region:520500 year:2025 insurance:resident scheme:outpatient level:bogus")).toBeNull();
  });

  it("round-trips the serialised form", () => {
    const directive = { region: "421200", year: 2025, insurance: "employee", scheme: "maternity", delivery: "midterm-induction", total: 2500.5 } as const;
    expect(parseSerializedDirective(serializeCalculatorDirective(directive))).toEqual(directive);
  });
});
