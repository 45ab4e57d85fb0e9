// Markdown → plain text for the search index and snippets. Cheap on purpose: ingest runs it on every
// changed article, and the index only needs the words, not the structure.
export function markdownToPlain(md: string): string {
  return md
    .replace(/^```[^\n]*\n[\s\S]*?^```/gm, " ")
    .replace(/^:{2,}\s*[a-zA-Z][\w-]*(\{[^}]*\})?\s*$/gm, " ") // directive fences
    .replace(/^:{3,}\s*$/gm, " ")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, "")
    .replace(/^\s*\|?[\s:|-]+\|[\s:|-]*$/gm, " ") // table separator rows
    .replace(/[|*_`~]+/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/[ \t]+/g, " ")
    .replace(/\s*\n\s*/g, "\n")
    .trim();
}
