// What scripts/web-server.mjs adds around Next's request handler, kept apart so that it can be tested
// with a plain Node http server. Plain JavaScript: the web server starts Next, so Next cannot compile it.

/** Given to each request by the server, so that instrumentation.ts can mark the one whose render failed. */
export const REQUEST_ID_HEADER = "x-yibao-request";

/** Requests whose render failed for want of the database, marked by instrumentation.ts (same process, so a global). */
export function unavailableRequests() {
  return (globalThis[Symbol.for("yibao.unavailable-requests")] ??= new Set());
}

// Next decodes dynamic segments itself and answers "/q/%" or "/calculators/%E4" with a plain-text 500
// before any page runs; such a path names no page, so it is a 404, in Chinese.
const NOT_FOUND_HTML =
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>找不到这个页面 — 医保问答</title></head>' +
  '<body><main id="main"><h1>找不到这个页面</h1><p>这个地址无效。可以<a href="/">回到首页</a>查找。</p></main></body></html>';
const NOT_FOUND_HEADERS = {
  "content-security-policy": "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
};

/** The 404 for a path with a broken percent-escape; null for any other request. */
export function brokenEscapeResponse(url) {
  const path = (url ?? "/").split("?")[0];
  try {
    decodeURIComponent(path);
    return null;
  } catch {
    const api = path.startsWith("/api/");
    return {
      status: 404,
      headers: { ...NOT_FOUND_HEADERS, "content-type": api ? "application/json; charset=utf-8" : "text/html; charset=utf-8" },
      body: api ? JSON.stringify({ error: "not_found", message: "找不到这个地址。" }) : NOT_FOUND_HTML,
    };
  }
}

/**
 * Wraps a request handler: a response that would be a 500 because the render failed for want of the
 * database (its request marked in unavailableRequests) is a 503 with Retry-After instead.
 */
export function withOutagesAs503(handle, newId) {
  const unavailable = unavailableRequests();
  return (req, res) => {
    const broken = brokenEscapeResponse(req.url);
    if (broken) {
      res.writeHead(broken.status, broken.headers);
      res.end(broken.body);
      return;
    }
    const id = newId();
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
    return handle(req, res);
  };
}
