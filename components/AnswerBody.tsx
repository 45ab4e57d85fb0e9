import { renderMarkdown } from "@/lib/markdown/render";

/** One answer's Markdown, rendered and sanitised on the server. */
export function AnswerBody({ markdown }: { markdown: string }) {
  return <div className="answer-body" dangerouslySetInnerHTML={{ __html: renderMarkdown(markdown) }} />;
}
