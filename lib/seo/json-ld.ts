// JSON-LD for <script type="application/ld+json">: "<" is escaped so that text such as "</script>" in an
// article can never close the script element.
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
