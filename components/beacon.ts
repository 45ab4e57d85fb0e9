// Click tracking for search analytics: one small POST that survives the page being left (sendBeacon
// queues it in the browser). A string body is sent as text/plain, which needs no CORS preflight.
import { API_PATHS } from "@/lib/urls";

export type ClickBeacon = { queryId: string; slug: string; position: number; q?: string };

export function sendClick(body: ClickBeacon) {
  const data = JSON.stringify(body);
  try {
    if (navigator.sendBeacon?.(API_PATHS.searchClick, data)) return;
  } catch {
    // fall through to fetch
  }
  void fetch(API_PATHS.searchClick, { method: "POST", body: data, keepalive: true, credentials: "same-origin" }).catch(() => {});
}
