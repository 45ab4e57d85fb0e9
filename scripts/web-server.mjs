// The production web server: Next.js's own request handler — what `next start` runs — inside a Node
// http server, for the one thing `next start` cannot do: a page that failed because Postgres is
// unreachable answers 503 with Retry-After (a crawler or load balancer comes back later) instead of
// 500 (broken). instrumentation.ts marks such a request by the id this server gives it.
// Plain JavaScript: it starts Next, so it cannot be compiled by it.
//   node scripts/web-server.mjs [--port 3000] [--hostname 127.0.0.1]
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { parseArgs } from "node:util";

// Before Next loads: it picks React's production build by this, as `next start` sets it.
process.env.NODE_ENV = "production";
const { default: next } = await import("next");

const REQUEST_ID_HEADER = "x-yibao-request"; // lib/db/availability.ts
const unavailable = (globalThis[Symbol.for("yibao.unavailable-requests")] ??= new Set());

const { values } = parseArgs({ options: { port: { type: "string", default: process.env.PORT ?? "3000" }, hostname: { type: "string", default: process.env.HOST ?? "127.0.0.1" } } });
const port = Number(values.port);
const app = next({ dev: false, dir: new URL("..", import.meta.url).pathname, hostname: values.hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

// Next decodes dynamic segments itself and answers "/q/%" or "/calculators/%E4" with a plain-text 500
// before any page runs; such a path names no page, so it is a 404 here, in Chinese.
const NOT_FOUND_HTML =
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>找不到这个页面 — 医保问答</title></head>' +
  '<body><main id="main"><h1>找不到这个页面</h1><p>这个地址无效。可以<a href="/">回到首页</a>查找。</p></main></body></html>';
const NOT_FOUND_HEADERS = {
  "content-security-policy": "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
};

function brokenEscape(url) {
  try {
    decodeURIComponent((url ?? "/").split("?")[0]);
    return false;
  } catch {
    return true;
  }
}

const server = createServer((req, res) => {
  if (brokenEscape(req.url)) {
    const api = req.url.startsWith("/api/");
    res.writeHead(404, { ...NOT_FOUND_HEADERS, "content-type": api ? "application/json; charset=utf-8" : "text/html; charset=utf-8" });
    res.end(api ? JSON.stringify({ error: "not_found", message: "找不到这个地址。" }) : NOT_FOUND_HTML);
    return;
  }
  const id = randomUUID();
  req.headers[REQUEST_ID_HEADER] = id; // replaces whatever a client sent
  const writeHead = res.writeHead;
  res.writeHead = function (status, ...rest) {
    if (status === 500 && unavailable.delete(id)) {
      if (typeof rest[0] === "string") rest.shift(); // "Internal Server Error"
      this.setHeader("retry-after", "30");
      return writeHead.call(this, 503, ...rest);
    }
    return writeHead.call(this, status, ...rest);
  };
  res.once("close", () => unavailable.delete(id));
  handle(req, res);
});
// As `next start` does: keep-alive longer than a typical load balancer's idle timeout.
server.keepAliveTimeout = 65_000;
server.listen(port, values.hostname, () => console.log(`ready on http://${values.hostname}:${port}`));
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
