import { renderMarkdownParts } from "@/lib/markdown/render";
import { CalculatorEmbed } from "./calculator/CalculatorEmbed";

/**
 * One answer's Markdown, rendered and sanitised on the server. A `::calculator{…}` line becomes a
 * placeholder in the sanitised HTML (lib/markdown/calculator-directive.ts); the HTML is cut there and
 * the interactive calculator is drawn in between, so no script ever travels inside the HTML string.
 */
export function AnswerBody({ markdown }: { markdown: string }) {
  const parts = renderMarkdownParts(markdown);
  const [only] = parts;
  if (parts.length === 1 && only?.kind === "html") {
    return <div className="answer-body" dangerouslySetInnerHTML={{ __html: only.html }} />;
  }
  return (
    <div className="answer-body">
      {parts.map((part, i) =>
        part.kind === "html" ? (
          <div key={i} className="answer-html" dangerouslySetInnerHTML={{ __html: part.html }} />
        ) : (
          <CalculatorEmbed key={i} directive={part.directive} />
        ),
      )}
    </div>
  );
}
