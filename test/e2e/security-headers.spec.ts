// Security headers on the real site in a real browser: every page carries them, the nonce-based
// Content-Security-Policy lets the pages' own scripts run (the calculator and the suggestion box still
// work) and the browser reports no violation, and no other site can frame a page.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";

// Pages rendered per request carry a nonce; cached pages (rendered once for everyone) cannot.
const PAGES = [
  { name: "home", path: "/", cached: false },
  { name: "search", path: `/search?q=${encodeURIComponent("异地就医")}`, cached: false },
  { name: "question", path: "/q/jumin-yibao-keyi-yidi-jiuyi-ma", cached: true },
  { name: "landing", path: "/regions/520500", cached: true },
  { name: "about", path: "/about", cached: true },
  { name: "calculators", path: "/calculators", cached: false },
  { name: "one calculator", path: "/calculators/520500-2025-resident-outpatient", cached: false },
  { name: "a question that does not exist", path: "/q/does-not-exist", cached: true },
  { name: "an address that names no page", path: "/no-such-page", cached: true },
];

/** What the browser says about the page's CSP: console messages and securitypolicyviolation events. */
async function watchPolicy(page: Page) {
  const messages: string[] = [];
  page.on("console", (m) => {
    if (/content security policy/i.test(m.text())) messages.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => messages.push(`pageerror: ${e.message}`));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`));
  });
  return async () => [...messages, ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []))];
}

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

for (const { name, path, cached } of PAGES) {
  test(`the ${name} page has the security headers and no CSP violation`, async ({ page }) => {
    const violations = await watchPolicy(page);
    const response = await page.goto(path);
    expect(response).not.toBeNull();
    const headers = response!.headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"]).toBe("DENY");
    // Served over plain http here: no HSTS (a browser would ignore it anyway).
    expect(headers["strict-transport-security"]).toBeUndefined();

    const csp = directives(headers["content-security-policy"] ?? "");
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    const scripts = csp.get("script-src") ?? [];
    expect(scripts).not.toContain("'unsafe-eval'");
    const html = await response!.text();
    const tags = (html.match(/<script\b[^>]*>/g) ?? []).filter((t) => !t.includes("application/ld+json"));
    expect(tags.length).toBeGreaterThan(0);
    if (cached) {
      // No nonce possible (rendered once for everyone): the web server lists the hash of each inline
      // script of the HTML it sends, and nothing else runs inline; every script file from this origin.
      expect(scripts[0]).toBe("'self'");
      expect(scripts).not.toContain("'unsafe-inline'");
      const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash("sha256").update(m[1]!).digest("base64")}'`);
      expect(inline.length).toBeGreaterThan(0);
      expect(new Set(scripts.slice(1))).toEqual(new Set(inline));
      expect(tags.filter((t) => /\ssrc="(?!\/)/.test(t))).toEqual([]);
    } else {
      expect(scripts).toContain("'strict-dynamic'");
      expect(scripts.some((s) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(s))).toBe(true);
      expect(scripts).not.toContain("'unsafe-inline'");
      // Every script in the HTML (Next.js's bootstrap, RSC payload and chunks) carries this response's
      // nonce; JSON-LD is data, not script, and needs none.
      const nonce = scripts.find((s) => s.startsWith("'nonce-"))!.slice(7, -1);
      expect(tags.filter((t) => !t.includes(`nonce="${nonce}"`))).toEqual([]);
    }

    await page.waitForLoadState("networkidle");
    expect(await violations()).toEqual([]);
  });
}

test("the authoring app runs under a nonce policy with no inline-script allowance: sign-in, queue, editor with live preview", async ({ page }) => {
  test.setTimeout(90_000);
  const email = `csp-${Date.now().toString(36)}@example.cn`;
  execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/user-add.ts", "--email", email, "--name", "安全检查", "--role", "reviewer", "--password-stdin"], {
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR, DATABASE_URL: "", MEILI_URL: "" },
    input: "csp password 1234\n",
  });
  const violations = await watchPolicy(page);
  const signIn = await page.goto("/admin/sign-in");
  const scripts = directives(signIn!.headers()["content-security-policy"] ?? "").get("script-src") ?? [];
  expect(scripts).toContain("'strict-dynamic'");
  expect(scripts).not.toContain("'unsafe-inline'");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill("csp password 1234");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("navigation", { name: "编辑后台" })).toBeVisible();
  const created = await page.request.post("/api/admin/questions", { data: { title: `政策检查用的问题（${Date.now().toString(36)}）？`, region: "520500", insurance: ["resident"], topics: ["门诊统筹"] } });
  const { slug } = (await created.json()) as { slug: string };
  await page.goto(`/admin/q/${slug}`);
  await page.getByLabel("解答（Markdown）").fill("带上医保电子凭证就可以在定点医院结算。");
  await expect(page.locator(".preview")).toContainText("医保电子凭证");
  await page.goto("/admin/policies");
  await expect(page.locator("h1")).toHaveText("政策数据核实");
  await page.waitForLoadState("networkidle");
  expect(await violations()).toEqual([]);
});

test("every response gets a fresh nonce", async ({ request }) => {
  const nonceOf = async () => /'nonce-([^']+)'/.exec((await request.get("/")).headers()["content-security-policy"] ?? "")?.[1];
  const [a, b] = [await nonceOf(), await nonceOf()];
  expect(a).toBeTruthy();
  expect(a).not.toBe(b);
});

test("the page scripts run under the policy: the calculator computes and the suggestion box suggests", async ({ page }) => {
  const violations = await watchPolicy(page);
  await page.goto("/calculators/520500-2025-resident-outpatient");
  const calc = page.locator("section.calc").first();
  await expect(calc).toHaveAttribute("data-interactive", "true");
  await calc.getByLabel("就诊机构").selectOption({ label: "村卫生室/社区卫生服务站" });
  const total = calc.getByLabel("总费用（元）");
  await total.fill("");
  await total.pressSequentially("100");
  await expect(calc.getByTestId("calc-totals")).toContainText("个人负担 10.00 元");

  await page.goto("/q/jumin-yibao-keyi-yidi-jiuyi-ma");
  const box = page.getByRole("combobox").first();
  const suggested = page.waitForResponse((r) => r.url().includes("/api/suggest") && r.status() === 200);
  await box.pressSequentially("异地");
  await suggested;
  await expect(page.getByRole("listbox", { name: "搜索建议" }).first()).toBeVisible();
  expect(await violations()).toEqual([]);
});

test("no other site can frame a page", async ({ page, baseURL }) => {
  const refused = page.waitForEvent("console", { predicate: (m) => /frame-ancestors/.test(m.text()), timeout: 10_000 });
  await page.setContent(`<iframe src="${baseURL}/q/jumin-yibao-keyi-yidi-jiuyi-ma" width="800" height="600"></iframe>`);
  await refused;
  const framed = page.frames().find((f) => f !== page.mainFrame());
  expect(await framed?.locator("article.answer").count().catch(() => 0)).toBe(0);
});

test("API responses and static files carry the headers too; HSTS only over https", async ({ request }) => {
  const api = await request.get("/api/health");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect(api.headers()["x-frame-options"]).toBe("DENY");
  expect(directives(api.headers()["content-security-policy"] ?? "").get("default-src")).toEqual(["'none'"]);

  const viaTls = await request.get("/", { headers: { "x-forwarded-proto": "https" } });
  expect(viaTls.headers()["strict-transport-security"]).toMatch(/^max-age=\d+/);
  expect(viaTls.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
  expect((await request.get("/")).headers()["content-security-policy"]).not.toContain("upgrade-insecure-requests");
});

test("a follow page (a reader's own words, rendered without the proxy) allows no inline script but its own", async ({ page, baseURL }) => {
  const asked = await page.request.post("/api/questions", { headers: { origin: baseURL! }, data: { title: "<script>alert(1)</script>退休后医保怎么交" } });
  expect(asked.status()).toBe(202);
  const { followUrl } = (await asked.json()) as { followUrl: string };
  const violations = await watchPolicy(page);
  const response = await page.goto(followUrl);
  const scripts = directives(response!.headers()["content-security-policy"] ?? "").get("script-src") ?? [];
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts.slice(1).every((s) => /^'sha256-[A-Za-z0-9+/=]{44}'$/.test(s))).toBe(true);
  await expect(page.getByText("退休后医保怎么交")).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(await violations()).toEqual([]);
});
