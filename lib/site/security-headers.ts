// The Content-Security-Policy of every response, chosen by what the path serves. proxy.ts sets it;
// next.config.js adds the headers that never vary (nosniff, Referrer-Policy, X-Frame-Options, HSTS).
//
// Public pages get a fresh nonce per request and 'strict-dynamic': Next.js writes its bootstrap and its
// RSC payload as inline scripts and puts the nonce it finds in the request's policy on them and on its
// chunk scripts, which then load the rest. No 'unsafe-inline' for scripts, so an injected <script> in
// an answer (the sanitiser's second line of defence) would not run. This needs every public page to be
// rendered per request, which they are (force-dynamic): a prerendered page has no nonce to match.
// Pure: no framework imports, so that it can be tested on its own.

export type PolicyKind = "page" | "authoring" | "api";

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
  return "page";
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
  if (kind === "authoring") {
    // Can become a nonce policy (stricter than the public one) once every /admin page renders per request.
    return serialize({
      "default-src": ["'self'"],
      "script-src": ["'self'", "'unsafe-inline'", ...eval_],
      "style-src": ["'self'", "'unsafe-inline'"],
      "img-src": ["'self'", "data:", "blob:"],
      "font-src": ["'self'"],
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
