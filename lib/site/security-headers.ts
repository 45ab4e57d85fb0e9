// The Content-Security-Policy of every response, chosen by what the path serves. proxy.ts sets it;
// next.config.js adds the headers that never vary (nosniff, Referrer-Policy, X-Frame-Options, HSTS).
//
// Pages rendered per request (search, calculators, advisors, home) get a fresh nonce and
// 'strict-dynamic': Next.js writes its bootstrap and its RSC payload as inline scripts and puts the
// nonce it finds in the request's policy on them and on its chunk scripts, which then load the rest. No
// 'unsafe-inline' for scripts, so an injected <script> in an answer (the sanitiser's second line of
// defence) would not run.
//
// Cached pages (questions, landing pages, about, and the prerendered 404: rendered once, served to everyone, see
// lib/site/page-cache.ts) cannot carry a per-request nonce, and their inline RSC payload differs per page,
// so no fixed hash matches it either. They allow inline scripts from the page itself and nothing else:
// scripts only from this origin, no eval, no plugins, no framing, no <base>. What an attacker would need
// — markup that survives the sanitiser — is what the sanitiser and the escaped JSON-LD keep out, and
// these pages reflect nothing from the request.
// Pure: no framework imports, so that it can be tested on its own.

export type PolicyKind = "page" | "cached" | "authoring" | "api";

/** The pages rendered per request; every other page address is cached, or is the prerendered 404. */
const PER_REQUEST = /^\/$|^\/(search|calculators|advisors)(\/|$)/;

export type PolicyOptions = {
  /** Base64, fresh for every request; required for "page". */
  nonce?: string;
  /** `next dev`: React's dev tools need eval and the dev overlay injects styles. */
  dev?: boolean;
  /** The request reached the site over https (directly or through a TLS proxy). */
  https?: boolean;
};

/**
 * /api answers JSON, never a document; /admin is the authoring app, whose pages are not all rendered
 * per request (a prerendered sign-in page cannot carry a nonce) and whose editor injects its own styles.
 */
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
    return serialize({ "default-src": ["'none'"], ...common, "base-uri": ["'none'"], "form-action": ["'none'"] });
  }
  const eval_ = opts.dev ? ["'unsafe-eval'"] : [];
  if (kind === "authoring" || kind === "cached") {
    // No nonce possible: cached pages are rendered once for everyone, and the authoring app's prerendered
    // pages (sign-in) have none either. Inline scripts of the page itself only (see the header comment).
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
  if (!opts.nonce) throw new Error("a page policy needs a nonce");
  const nonce = `'nonce-${opts.nonce}'`;
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

/** 128 random bits, base64: what a nonce must be (unguessable, never reused). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
