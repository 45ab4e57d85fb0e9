import { describe, expect, it } from "vitest";
import { BODY_LIMITS } from "../../lib/http/body.ts";
import { clientAddress, inlineScriptHashes, MAX_BODY_BYTES, trustedProxies, withHashes, withOutagesAs503 } from "./http.mjs";

describe("clientAddress", () => {
  const proxies = trustedProxies("10.0.0.0/8, 127.0.0.2, fd00::/8");

  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.7", "198.51.100.1", null)).toBe("203.0.113.7");
    expect(clientAddress("::ffff:127.0.0.1", "1.2.3.4", null)).toBe("127.0.0.1");
    expect(clientAddress("203.0.113.7", "198.51.100.1", proxies)).toBe("203.0.113.7");
  });

  it("reads X-Forwarded-For from the right through trusted proxies only", () => {
    expect(clientAddress("127.0.0.2", "198.51.100.1", proxies)).toBe("198.51.100.1");
    // What the client wrote at the left is never reached.
    expect(clientAddress("127.0.0.2", "6.6.6.6, 198.51.100.1", proxies)).toBe("198.51.100.1");
    // Two proxies: the second appends the first's address.
    expect(clientAddress("10.1.2.3", "6.6.6.6, 198.51.100.1, 10.9.9.9", proxies)).toBe("198.51.100.1");
    expect(clientAddress("::ffff:10.1.2.3", "2001:db8::1", proxies)).toBe("2001:db8::1");
    // Garbage in the header: the last address vouched for stands.
    expect(clientAddress("127.0.0.2", "not-an-ip", proxies)).toBe("127.0.0.2");
    expect(clientAddress("127.0.0.2", undefined, proxies)).toBe("127.0.0.2");
  });

  it("refuses a TRUSTED_PROXIES entry that is no address or range", () => {
    expect(trustedProxies("")).toBeNull();
    expect(() => trustedProxies("10.0.0.0/8, proxy.example")).toThrow(/proxy\.example/);
    expect(() => trustedProxies("10.0.0.0/8/1")).toThrow();
  });
});

it("refuses at the web server only what no route would take", () => {
  expect(MAX_BODY_BYTES).toBeGreaterThanOrEqual(Math.max(...Object.values(BODY_LIMITS)));
});

describe("inline script hashes of cached pages", () => {
  const POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'";
  const HTML = '<!doctype html><html><head><script src="/_next/a.js" async></script></head><body><script>self.__next_f.push([1,"报销"])</script><script id="x">boot()</script></body></html>';

  it("puts the sha256 of each inline script in place of 'unsafe-inline' for scripts, styles untouched", () => {
    const hashes = inlineScriptHashes(HTML);
    expect(hashes).toHaveLength(2);
    expect(withHashes(POLICY, hashes)).toBe(`default-src 'self'; script-src 'self' ${hashes.join(" ")}; style-src 'self' 'unsafe-inline'`);
  });

  it("rewrites the policy of a gzipped HTML response with a cached policy, and leaves a nonce policy alone", async () => {
    const { createServer } = await import("node:http");
    const { gzipSync } = await import("node:zlib");
    const server = createServer(
      withOutagesAs503((req, res) => {
        res.setHeader("content-type", "text/html; charset=utf-8");
        res.setHeader("content-security-policy", req.url === "/nonce" ? "script-src 'self' 'nonce-abc' 'unsafe-inline'" : POLICY);
        res.setHeader("content-encoding", "gzip");
        res.setHeader("etag", '"v1"');
        const body = gzipSync(HTML);
        res.write(body.subarray(0, 10));
        res.end(body.subarray(10));
      }, () => "id"),
    );
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      for (const round of [1, 2]) {
        const r = await fetch(`${base}/q/x`);
        expect(await r.text(), `round ${round}`).toBe(HTML);
        expect(r.headers.get("content-security-policy")).toBe(withHashes(POLICY, inlineScriptHashes(HTML)));
      }
      expect((await fetch(`${base}/nonce`)).headers.get("content-security-policy")).toContain("'unsafe-inline'");
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
