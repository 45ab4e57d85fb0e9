// This process's Prometheus metrics (prom-client), shared by the web server's plain JavaScript
// (scripts/web-server.mjs counts every request) and Next's server code (search counts its modes; the
// /metrics route answers): Next's bundle may hold a copy of this module of its own, so the registry
// lives on globalThis and whoever loads first creates it. Collected-on-scrape gauges (outbox, feeds,
// worker, pool) are added by lib/ops/metrics.ts.
import client from "prom-client";

const KEY = Symbol.for("yibao.metrics");

function create() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "yibao_" });
  const registers = [registry];
  return {
    registry,
    client,
    httpRequests: new client.Counter({ name: "yibao_http_requests_total", help: "HTTP requests answered, by route group and status code", labelNames: ["group", "status"], registers }),
    httpDuration: new client.Histogram({
      name: "yibao_http_request_duration_seconds",
      help: "Time from request to the end of the response, by route group",
      labelNames: ["group"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    searches: new client.Counter({
      name: "yibao_searches_total",
      help: "Searches answered, by how: meilisearch, cache (the result cache), fallback (Postgres, with the cause)",
      labelNames: ["mode", "cause"],
      registers,
    }),
    zeroResults: new client.Counter({ name: "yibao_search_zero_results_total", help: "Searches that found nothing", registers }),
  };
}

/** @returns {ReturnType<typeof create>} */
export function metrics() {
  return (globalThis[KEY] ??= create());
}

/** The route group a path belongs to: a bounded set of labels, never the path itself. */
export function routeGroup(path) {
  const p = path.split("?")[0] ?? "/";
  if (p.startsWith("/_next/")) return "static";
  if (p === "/metrics") return "metrics";
  const api = /^\/api\/(admin|auth|health|search|suggest|questions|calculators|internal|answers)(\/|$)/.exec(p);
  if (api) return `api:${api[1]}`;
  if (p.startsWith("/api/")) return "api:other";
  if (p === "/" ) return "page:home";
  const page = /^\/(admin|q|regions|topics|search|calculators|drugs|laws|follow|about|sitemap|sitemaps)(\/|\.|$)/.exec(p);
  return page ? `page:${page[1]}` : "page:other";
}

/** Counts a request and its duration when its response ends. */
export function observeRequest(req, res) {
  const started = process.hrtime.bigint();
  res.once("finish", () => {
    const m = metrics();
    const group = routeGroup(req.url ?? "/");
    m.httpRequests.inc({ group, status: String(res.statusCode) });
    m.httpDuration.observe({ group }, Number(process.hrtime.bigint() - started) / 1e9);
  });
}
