import { describe, expect, it } from "vitest";
import { BODY_LIMITS } from "../../lib/site/body.ts";
import { clientAddress, MAX_BODY_BYTES, trustedProxies } from "./http.mjs";

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
