// Crawlers and monitoring agents, left out of the search log: their searches are not readers' demand.
// Pure. The Chinese engines' spiders are named explicitly; the generic words catch most others.
const BOT = /bot\b|bot\/|spider|crawl|slurp|baiduspider|360spider|sogou|yisouspider|bytespider|petalbot|headlesschrome|phantomjs|python-requests|python-urllib|curl\/|wget\/|go-http-client|java\/|okhttp|axios\/|node-fetch|lighthouse|pingdom|uptime|monitor|facebookexternalhit|preview/i;

export function isBot(userAgent: string): boolean {
  return BOT.test(userAgent);
}
