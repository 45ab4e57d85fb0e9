// What scripts/web-server.mjs adds around Next's request handler, kept apart so that it can be tested
// with a plain Node http server. Plain JavaScript: the web server starts Next, so Next cannot compile it.
import { createHash } from "node:crypto";
import { BlockList, isIP } from "node:net";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";

/** Given to each request by the server, so that instrumentation.ts can mark the one whose render failed. */
export const REQUEST_ID_HEADER = "x-yibao-request";

/**
 * The client's address as this server established it: the socket's peer, or what a trusted proxy
 * (TRUSTED_PROXIES) says in X-Forwarded-For. Whatever a client sends under this name is replaced, so
 * the limits keyed on it (lib/http/client.ts, sign-in) cannot be sidestepped with a made-up header.
 */
export const CLIENT_HEADER = "x-yibao-client";

/** Set while this server runs Next in its process: route handlers then believe CLIENT_HEADER. */
const SERVED = Symbol.for("yibao.client-header");

/**
 * TRUSTED_PROXIES (comma-separated addresses or CIDR ranges, IPv4 or IPv6) as a BlockList; null when
 * empty. Throws on an entry that is neither (lib/env.ts refuses it at start-up too).
 */
export function trustedProxies(value) {
  const entries = (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (!entries.length) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits, extra] = entry.split("/");
    const family = isIP(address ?? "");
    if (!family || extra !== undefined || (bits !== undefined && !/^\d{1,3}$/.test(bits))) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

/** "::ffff:127.0.0.1" (an IPv4 client of a dual-stack socket) as 127.0.0.1; anything not an IP as null. */
function plainAddress(raw) {
  const a = (raw ?? "").trim().replace(/^\[|\]$/g, "");
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a)?.[1];
  const address = v4 ?? a;
  return isIP(address) ? address : null;
}

function isTrusted(list, address) {
  return list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/**
 * Who sent the request: the socket's peer unless it is a trusted proxy; then X-Forwarded-For read from
 * the right (each trusted proxy appends the address it saw), the first hop that is not a trusted proxy.
 * What a client writes at the left of the header itself is never reached.
 */
export function clientAddress(socketAddress, forwardedFor, trusted) {
  let client = plainAddress(socketAddress) ?? "unknown";
  if (!trusted || client === "unknown" || !isTrusted(trusted, client)) return client;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor ?? "").split(",");
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = plainAddress(hops[i]);
    if (!hop) break; // garbage written by the client: the last address vouched for stands
    client = hop;
    if (!isTrusted(trusted, hop)) break;
  }
  return client;
}

/**
 * The largest body any route takes (a draft: lib/http/body.ts, whose unit test keeps this above every
 * route's limit). A larger declared Content-Length is refused here, before Next reads a byte; routes
 * check their own, smaller limits and count bodies sent without a length while they stream.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

const TOO_LARGE_BODY = JSON.stringify({ error: "too_large", message: "请求内容太大，请缩短后再试。" });

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
export function withOutagesAs503(handle, newId, options = {}) {
  const unavailable = unavailableRequests();
  const trusted = options.trusted ?? null;
  globalThis[SERVED] = true;
  return (req, res) => {
    const broken = brokenEscapeResponse(req.url);
    if (broken) {
      res.writeHead(broken.status, broken.headers);
      res.end(broken.body);
      return;
    }
    if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) {
      // Answered at once, and the body is never parsed: the upload stalls against TCP's window while the
      // client reads the 413, and a connection still uploading a moment later is cut. (Closing it with the
      // answer would reset it under the client's upload before the client had read the 413.) A body that
      // did arrive whole was dropped by Node, and its connection may carry the client's next request:
      // that one is left alone.
      res.writeHead(413, { ...NOT_FOUND_HEADERS, "content-type": "application/json; charset=utf-8" });
      res.end(TOO_LARGE_BODY);
      setTimeout(() => {
        if (!req.complete) req.socket.destroy();
      }, 2000).unref();
      return;
    }
    req.headers[CLIENT_HEADER] = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trusted); // replaces whatever a client sent
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
    withInlineScriptHashes(req, res);
    return handle(req, res);
  };
}

// A cached page (a question, a landing page, the 404, a follow link: rendered once for everyone, or
// without the proxy) cannot carry a per-request nonce, and Next writes its bootstrap and its RSC payload
// as inline scripts that differ per page. next.config.ts gives those pages `script-src 'self'
// 'unsafe-inline'`, which `next dev` and `next start` keep; this server replaces 'unsafe-inline' with the
// sha256 of each inline script of the very HTML it sends, so an injected <script> (a sanitiser slip)
// would not run. The hashes of a page are kept per path and ETag: a page served again is not read again.
const UNSAFE_INLINE_SCRIPTS = /(^|;)(\s*script-src\s[^;]*)'unsafe-inline'/;
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;
const hashCache = new Map();
const HASH_CACHE_MAX = 2000;

/** The 'sha256-…' sources of every inline script in an HTML document. */
export function inlineScriptHashes(html) {
  const out = new Set();
  for (const m of html.matchAll(INLINE_SCRIPT)) out.add(`'sha256-${createHash("sha256").update(m[1], "utf8").digest("base64")}'`);
  return [...out];
}

/** The policy with the hashes in place of 'unsafe-inline' for scripts. */
export function withHashes(policy, hashes) {
  return policy.replace(UNSAFE_INLINE_SCRIPTS, (_, sep, head) => `${sep}${head}${hashes.join(" ")}`).replace(/\s+;/g, ";").replace(/ {2,}/g, " ");
}

function decode(body, encoding) {
  if (!encoding || encoding === "identity") return body;
  if (encoding === "gzip") return gunzipSync(body);
  if (encoding === "br") return brotliDecompressSync(body);
  if (encoding === "deflate") return inflateSync(body);
  return null;
}

function withInlineScriptHashes(req, res) {
  if (req.method !== "GET") return;
  const writeHead = res.writeHead;
  const write = res.write;
  const end = res.end;
  const flushHeaders = res.flushHeaders;
  // Decided at the head: "pass" (anything but a cached-policy HTML page, or hashes already known) or
  // "hold" (collect the body, then hash it). Never restored to the originals: Next's compression wraps
  // these methods after this does, and must keep its wrappers.
  let mode = null;
  let held = null;
  const chunks = [];
  res.writeHead = function (status, ...rest) {
    if (mode === "pass") return writeHead.call(this, status, ...rest);
    if (mode === "hold") return this;
    const policy = String(this.getHeader("content-security-policy") ?? "");
    const html = /^text\/html/.test(String(this.getHeader("content-type") ?? ""));
    if (!html || !UNSAFE_INLINE_SCRIPTS.test(policy) || /'nonce-/.test(policy)) {
      mode = "pass";
      return writeHead.call(this, status, ...rest);
    }
    const etag = this.getHeader("etag");
    const known = etag ? hashCache.get(`${req.url}\0${etag}`) : undefined;
    if (known || status === 304 || status === 204) {
      // A 304 whose page this process has not sent yet keeps the fallback: no body to read hashes from.
      if (known) this.setHeader("content-security-policy", withHashes(policy, known));
      mode = "pass";
      return writeHead.call(this, status, ...rest);
    }
    mode = "hold";
    held = [status, ...rest];
    return this;
  };
  res.flushHeaders = function () {
    if (mode !== "hold") return flushHeaders.call(this);
  };
  res.write = function (chunk, encoding, cb) {
    // Node's implicit writeHead (a write before any): decide first, or the body would go out headless.
    if (mode === null && !this.headersSent) this.writeHead(this.statusCode);
    if (mode !== "hold") return write.call(this, chunk, encoding, cb);
    if (chunk?.length) chunks.push(Buffer.from(chunk, typeof encoding === "string" ? encoding : undefined));
    (typeof encoding === "function" ? encoding : cb)?.();
    return true;
  };
  res.end = function (chunk, encoding, cb) {
    if (mode === null && !this.headersSent) this.writeHead(this.statusCode);
    if (mode !== "hold") return end.call(this, chunk, encoding, cb);
    mode = "pass";
    if (chunk && typeof chunk !== "function") chunks.push(Buffer.from(chunk, typeof encoding === "string" ? encoding : undefined));
    const body = Buffer.concat(chunks);
    const policy = String(this.getHeader("content-security-policy"));
    let plain = null;
    try {
      plain = decode(body, String(this.getHeader("content-encoding") ?? "").trim().toLowerCase());
    } catch {
      plain = null;
    }
    if (plain) {
      const hashes = inlineScriptHashes(plain.toString("utf8"));
      const etag = this.getHeader("etag");
      if (etag) {
        if (hashCache.size >= HASH_CACHE_MAX) hashCache.delete(hashCache.keys().next().value);
        hashCache.set(`${req.url}\0${etag}`, hashes);
      }
      this.setHeader("content-security-policy", withHashes(policy, hashes));
    }
    writeHead.call(this, ...held);
    const done = typeof chunk === "function" ? chunk : typeof encoding === "function" ? encoding : cb;
    return end.call(this, body, done);
  };
}
