// Click tracking for search analytics: one small POST that survives the page being left (sendBeacon
// queues it in the browser). A string body is sent as text/plain, which needs no CORS preflight.
export type ClickBeacon = { queryId: string; slug: string; position: number; q?: string };

export function sendClick(body: ClickBeacon) {
  const data = JSON.stringify(body);
  try {
    if (navigator.sendBeacon?.("/api/search/click", data)) return;
  } catch {
    // fall through to fetch
  }
  void fetch("/api/search/click", { method: "POST", body: data, keepalive: true, credentials: "same-origin" }).catch(() => {});
}
