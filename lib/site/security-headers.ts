// The Content-Security-Policy of every response, chosen by what the path serves. proxy.ts sets it for
// the pages rendered per request (a fresh nonce each time); next.config.ts sets the fixed policies of
// everything else (cached pages, the API) and the headers that never vary (nosniff, Referrer-Policy,
// X-Frame-Options, HSTS).
//
// Pages rendered per request (search, calculators, advisors, home) get a fresh nonce and
// 'strict-dynamic': Next.js writes its bootstrap and its RSC payload as inline scripts and puts the
// nonce it finds in the request's policy on them and on its chunk scripts, which then load the rest. No
// 'unsafe-inline' for scripts, so an injected <script> in an answer (the sanitiser's second line of
// defence) would not run.
//
// Cached pages (questions, landing pages, about, and the prerendered 404: rendered once, served to everyone, see
// lib/site/page-cache.ts; and the follow page, which the proxy does not run for) cannot carry a
// per-request nonce, and their inline RSC payload differs per page, so no fixed hash matches it either.
// The policy set here says 'unsafe-inline' for scripts, and the web server (scripts/web-server/http.mjs)
// replaces it with the sha256 of every inline script of the HTML it actually sends: an injected
// <script> (a sanitiser slip) would not run. Only `next dev` and `next start`, which do not go through
// that server, keep the 'unsafe-inline' fallback. Scripts only from this origin, no eval, no plugins,
// no framing, no <base>.
//
// The authoring app (/admin: every page rendered per request) is stricter than both: a nonce and
// 'strict-dynamic' as for the per-request pages, and no framing, plugins or foreign connections; its
// editor (CodeMirror) writes its own <style> elements, so styles allow inline.
// Pure: no framework imports, so that it can be tested on its own.

export type PolicyKind = "page" | "cached" | "authoring" | "api";

/** The pages rendered per request; every other page address is cached, or is the prerendered 404. */
const PER_REQUEST = /^\/$|^\/(search|calculators|advisors)(\/|$)/;

/** Where proxy.ts runs: the per-request pages and the authoring app (the paths that need a nonce). */
export const NONCE_PATHS = ["/", "/search/:path*", "/calculators/:path*", "/advisors/:path*", "/admin/:path*"];

/**
 * Every other page address (next.config.ts source syntax): what policyKind calls "cached". Leaves out
 * "/", the nonce paths, the API and Next's static files.
 */
export const CACHED_PAGES_SOURCE = "/:path((?!api(?:/|$)|admin(?:/|$)|search(?:/|$)|calculators(?:/|$)|advisors(?:/|$)|_next/).+)";

export type PolicyOptions = {
  /** Base64, fresh for every request; required for "page". */
  nonce?: string;
  /** `next dev`: React's dev tools need eval and the dev overlay injects styles. */
  dev?: boolean;
  /** The request reached the site over https (directly or through a TLS proxy). */
  https?: boolean;
};

/** /api answers JSON, never a document; /admin is the authoring app. */
export function policyKind(pathname: string): PolicyKind {
  if (pathname === "/api" || pathname.startsWith("/api/")) return "api";
  if (pathname === "/admin" || pathname.startsWith("/admin/")) return "authoring";
  return PER_REQUEST.test(pathname) ? "page" : "cached";
}

function serialize(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, values]) => (values.length ? `${name} ${values.join(" ")}` : name))
    .join("; ");
}

export function contentSecurityPolicy(kind: PolicyKind, opts: PolicyOptions = {}): string {
  const common = {
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    ...(opts.https ? { "upgrade-insecure-requests": [] } : {}),
  };
  if (kind === "api") {
    // JSON, never a document: nothing to load or upgrade, whatever the scheme.
    const { "upgrade-insecure-requests": _, ...rest } = common as Record<string, string[]>;
    return serialize({ "default-src": ["'none'"], ...rest, "base-uri": ["'none'"], "form-action": ["'none'"] });
  }
  const eval_ = opts.dev ? ["'unsafe-eval'"] : [];
  if (kind === "cached") {
    // No nonce possible: cached pages are rendered once for everyone. The web server puts the hashes of
    // the page's own inline scripts in place of 'unsafe-inline' (see the header comment).
    return serialize({
      "default-src": ["'self'"],
      "script-src": ["'self'", "'unsafe-inline'", ...eval_],
      "style-src": ["'self'", "'unsafe-inline'"],
      "img-src": ["'self'", "data:", "blob:"],
      "font-src": ["'self'"],
      "connect-src": ["'self'"],
      ...common,
    });
  }
  if (!opts.nonce) throw new Error(`a ${kind} policy needs a nonce`);
  const nonce = `'nonce-${opts.nonce}'`;
  if (kind === "authoring") {
    return serialize({
      "default-src": ["'self'"],
      "script-src": ["'self'", nonce, "'strict-dynamic'", ...eval_],
      "style-src": ["'self'", "'unsafe-inline'"],
      "img-src": ["'self'", "data:"],
      "font-src": ["'self'"],
      "connect-src": ["'self'"],
      "frame-src": ["'none'"],
      "worker-src": ["'none'"],
      "manifest-src": ["'self'"],
      ...common,
    });
  }
  return serialize({
    "default-src": ["'self'"],
    "script-src": ["'self'", nonce, "'strict-dynamic'", ...eval_],
    "style-src": ["'self'", opts.dev ? "'unsafe-inline'" : nonce],
    // style="" attributes (the calculator's bar widths): no script can run from one.
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    ...common,
  });
}

/** The kinds whose pages are rendered per request and so get a fresh nonce. */
export function needsNonce(kind: PolicyKind): boolean {
  return kind === "page" || kind === "authoring";
}

/** 128 random bits, base64: what a nonce must be (unguessable, never reused). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
