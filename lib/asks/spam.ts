// Link spam in a reader's question: a question about 医保 needs no links, and advertising does. Links to
// government sites (*.gov.cn), where a reader may have read a rule, are let through. Pure.
const LINK = /(?:https?:\/\/|www\.)[^\s，。]+|(?<![@\w])(?:[a-z0-9-]+\.)+(?:com|cn|net|org|top|xyz|info|cc|io|vip|shop|club|site|online|me|tv|app|link)(?![a-z0-9])(?:\/[^\s，。]*)?/gi;

export function links(text: string): string[] {
  return [...text.matchAll(LINK)].map((m) => m[0]);
}

function isGovernment(link: string): boolean {
  const host = link.replace(/^https?:\/\//i, "").split(/[/?#:]/)[0]!.toLowerCase();
  return host === "gov.cn" || host.endsWith(".gov.cn");
}

/** True when the text carries a link to anything but a government site. */
export function hasSpamLinks(text: string): boolean {
  return links(text).some((l) => !isGovernment(l));
}
