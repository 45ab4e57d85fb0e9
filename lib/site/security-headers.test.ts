import { describe, expect, it } from "vitest";
import { CACHED_PAGES_SOURCE, contentSecurityPolicy, NONCE_PATHS, needsNonce, newNonce, policyKind } from "./security-headers.ts";

const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1)]));

describe("Content-Security-Policy", () => {
  it("lets only the page's own nonce'd scripts run on public pages, and no framing", () => {
    const csp = directives(contentSecurityPolicy("page", { nonce: "abc123==" }));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("allows eval only in development, and upgrades requests only over https", () => {
    expect(directives(contentSecurityPolicy("page", { nonce: "n", dev: true })).get("script-src")).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy("page", { nonce: "n", https: true })).toMatch(/; upgrade-insecure-requests$/);
  });

  it("lets in the site's own stylesheets and nonced styles only, any inline style only in development", () => {
    expect(directives(contentSecurityPolicy("page", { nonce: "n" })).get("style-src")).toEqual(["'self'", "'nonce-n'"]);
    expect(directives(contentSecurityPolicy("page", { nonce: "n", dev: true })).get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("refuses to build a page policy without a nonce", () => {
    expect(() => contentSecurityPolicy("page")).toThrow(/nonce/);
  });

  it("gives API responses nothing to load, and the authoring app a nonce policy stricter than the public pages'", () => {
    expect(directives(contentSecurityPolicy("api")).get("default-src")).toEqual(["'none'"]);
    expect(() => contentSecurityPolicy("authoring")).toThrow(/nonce/);
    const authoring = directives(contentSecurityPolicy("authoring", { nonce: "abc" }));
    expect(authoring.get("script-src")).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(authoring.get("frame-ancestors")).toEqual(["'none'"]);
    expect(authoring.get("frame-src")).toEqual(["'none'"]);
    expect(authoring.get("worker-src")).toEqual(["'none'"]);
    expect(authoring.get("img-src")).toEqual(["'self'", "data:"]);
    expect(needsNonce("authoring") && needsNonce("page") && !needsNonce("cached") && !needsNonce("api")).toBe(true);
  });

  it("gives cached pages a policy without a nonce that still refuses foreign scripts, eval and framing", () => {
    const csp = directives(contentSecurityPolicy("cached"));
    expect(csp.get("script-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
  });

  it("chooses the policy by path", () => {
    expect(["/", "/search", "/calculators", "/calculators/x", "/advisors/x"].map(policyKind)).toEqual(["page", "page", "page", "page", "page"]);
    expect(["/q/x", "/regions", "/regions/520500/2025", "/topics/门诊统筹", "/about", "/no-such-page", "/administrator", "/apis"].map(policyKind)).toEqual(
      ["cached", "cached", "cached", "cached", "cached", "cached", "cached", "cached"],
    );
    expect(["/api", "/api/search", "/admin", "/admin/sign-in"].map(policyKind)).toEqual(["api", "api", "authoring", "authoring"]);
  });

  it("makes 128-bit base64 nonces that do not repeat", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const n of nonces) expect(atob(n)).toHaveLength(16);
  });
});

describe("where each policy is set", () => {
  it("runs the proxy exactly on the nonce paths", async () => {
    const { config } = await import("../../proxy.ts");
    expect(config.matcher).toEqual(NONCE_PATHS);
  });

  it("gives next.config's fixed policy to every page address policyKind calls cached, and to no other", () => {
    const inner = /^\/:path\((.*)\)$/.exec(CACHED_PAGES_SOURCE)![1]!;
    const cachedSource = new RegExp(`^/(?:${inner})$`);
    const paths = ["/", "/q/jumin-yibao", "/regions/520500", "/regions/520500/2025", "/topics/异地就医", "/about", "/no-such-page", "/sitemap.xml", "/search", "/search/x", "/calculators", "/calculators/520500-2025-resident-outpatient", "/advisors/wang-lin", "/admin", "/admin/sign-in", "/api/search", "/searching", "/apis", "/_next/static/chunks/a.js"];
    for (const p of paths) {
      const expected = policyKind(p) === "cached" && !p.startsWith("/_next/");
      expect(cachedSource.test(p), p).toBe(expected);
    }
  });
});
