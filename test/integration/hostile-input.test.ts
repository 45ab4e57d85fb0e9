// Hostile and broken input against the real stores (issue 14): what once answered 500, dropped rows
// or files silently, or published mojibake. Every test has its own database, index and content copy.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import { getPublicArticle } from "../../lib/articles/read.ts";
import { publishAnswer } from "../../lib/articles/revisions.ts";
import { ingestContent } from "../../lib/content/ingest.ts";
import { AppError } from "../../lib/domain/errors.ts";
import { parseSearchParams } from "../../lib/search/params.ts";
import { searchArticles } from "../../lib/search/query.ts";
import { flush, logSearch } from "../../lib/search/log.ts";
import { freePort } from "../../lib/servers/free-port.ts";
import { articleId, sandbox } from "../support/context.ts";

type Sandbox = Awaited<ReturnType<typeof sandbox>>;
const ingest = (sb: Sandbox) => ingestContent({ contentDir: sb.content, databaseUrl: sb.databaseUrl, index: sb.index });

const FRONT = `---\ntitle: 职工医保个人账户能给父母用吗\nregion: "000000"\ninsurance: [employee]\ntopics: [家庭共济]\npublished: 2025-04-01\n---\n\n`;
const answer = (body: string) => `:::answer{advisor="test-advisor" date="2025-04-02"}\n${body}\n:::\n`;
// "医保可以" in GBK, the encoding Windows editors in China save in by default.
const GBK = Buffer.from([0xd2, 0xbd, 0xb1, 0xa3, 0xbf, 0xc9, 0xd2, 0xd4]);

describe("search log", () => {
  it("writes entries with NUL and unpaired surrogates, and never loses the batch to one bad entry", async () => {
    const sb = await sandbox();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    onTestFinished(() => logged.mockRestore());
    const entry = (query: string, extra: Partial<Parameters<typeof logSearch>[1]> = {}) =>
      logSearch(sb.db, { query, kind: "chinese", filters: {}, hits: 1, mode: "meilisearch", ...extra });
    entry("异地\u0000就医");
    entry("半个\uD800字");
    entry("筛选", { filters: { topic: "门诊\u0000统筹", region: "520500" } });
    entry("超出整数", { hits: 2 ** 31 }); // a row Postgres refuses whatever its text
    entry("普通查询");
    await flush(sb.db);
    const rows = await sb.db.searchLog.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => r.query)).toEqual(["异地就医", "半个\uFFFD字", "筛选", "普通查询"]);
    expect(rows[2]!.filters).toEqual({ topic: "门诊统筹", region: "520500" });
    expect(String(logged.mock.calls[0]?.[0])).toMatch(/^search log: 1 of 5 entries not written/);
  });
});

describe("content files", () => {
  it("reports a GBK-encoded question file as not UTF-8, at its line, and publishes nothing from it", async () => {
    const sb = await sandbox();
    await writeFile(join(sb.content, "questions/gbk.md"), Buffer.concat([Buffer.from(FRONT.replace("职工医保个人账户能给父母用吗", "GBK-test")), Buffer.from(":::answer{advisor=\"test-advisor\" date=\"2025-04-02\"}\n"), GBK, Buffer.from("\n:::\n")]));
    const r = await ingest(sb);
    expect(r.errors).toEqual([{ file: "questions/gbk.md", line: 10, message: expect.stringContaining("not UTF-8") }]);
    expect(r).toMatchObject({ failed: 1, added: 3 });
    expect(await getPublicArticle(sb.db, "gbk")).toBeNull();
  });

  it("reports a GBK-encoded advisor file instead of storing a garbled name", async () => {
    const sb = await sandbox();
    await writeFile(join(sb.content, "advisors/gbk-advisor.yaml"), Buffer.concat([Buffer.from("name: "), GBK, Buffer.from("\ntitle: "), GBK, Buffer.from("\n")]));
    const r = await ingest(sb);
    expect(r.errors).toEqual([{ file: "advisors/gbk-advisor.yaml", line: 1, message: expect.stringContaining("not UTF-8") }]);
    expect(await sb.db.advisor.findUnique({ where: { id: "gbk-advisor" } })).toBeNull();
  });

  it("reports a YAML alias bomb as an error of its file and keeps the article the file held before", async () => {
    const sb = await sandbox();
    await writeFile(join(sb.content, "questions/jiating.md"), FRONT + answer("可以，通过家庭共济绑定。"));
    expect((await ingest(sb)).errors).toEqual([]);
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]", ...["b", "c", "d", "e", "f", "g", "h"].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${"abcdefg"[i]}`).join(", ")}]`)].join("\n");
    await writeFile(join(sb.content, "questions/jiating.md"), FRONT.replace("published: 2025-04-01\n", `published: 2025-04-01\n${bomb}\n`) + answer("改过的内容"));
    const r = await ingest(sb);
    expect(r.errors).toEqual([{ file: "questions/jiating.md", line: 8, message: expect.stringContaining("too many aliases") }]);
    expect(r.failed).toBe(1);
    expect((await getPublicArticle(sb.db, "jiating"))?.answers[0]?.body).toBe("可以，通过家庭共济绑定。");
  });

  it("refuses an answer nested 2,000 deep at its file and line", async () => {
    const sb = await sandbox();
    await writeFile(join(sb.content, "questions/deep.md"), FRONT + answer(`第一段\n\n${">".repeat(2000)} 引用`));
    const r = await ingest(sb);
    expect(r.errors).toEqual([{ file: "questions/deep.md", line: 12, field: "answer.body", message: expect.stringContaining("16 levels deep") }]);
  });
});

describe("web verbs", () => {
  it("refuse an answer over the Markdown limits and save nothing", async () => {
    const sb = await sandbox();
    expect((await ingest(sb)).errors).toEqual([]);
    const id = await articleId(sb.db, "yidi-beian");
    const before = await sb.db.answerRevision.count();
    const publish = (body: string) => publishAnswer(sb.db, { articleId: id, advisorId: "test-advisor", body, by: "test" });
    await expect(publish(`${"- ".repeat(2000)}x`)).rejects.toThrow(AppError);
    await expect(publish("医保".repeat(900_000))).rejects.toThrow(/200 KB/);
    expect(await sb.db.answerRevision.count()).toBe(before);
  });
});

describe("highlighting with the real index", () => {
  it("keeps <mark> tags balanced when a title holds the highlighter's marker characters", async () => {
    const sb = await sandbox();
    await writeFile(join(sb.content, "questions/marker.md"), FRONT.replace("职工医保个人账户能给父母用吗", "家庭\uE001共济\uE000能给父母用吗") + answer("可以。"));
    expect((await ingest(sb)).errors).toEqual([]);
    const p = parseSearchParams({ q: "家庭共济\uE000" });
    if (!p.success) throw p.error;
    const r = await searchArticles(p.data, { index: sb.index });
    const hit = r.hits.find((h) => h.slug === "marker");
    expect(hit?.title).toBeDefined();
    expect(hit!.title.match(/<\/?mark>/g)?.length ?? 0).toBeGreaterThan(0);
    expect(hit!.title.replace(/<mark>[^<]*<\/mark>/g, "")).not.toMatch(/<|\uE000|\uE001/);
  });
});

describe("pages and route handlers", () => {
  it("answers /calculators/%25 (a segment that decodes to a broken escape) with the 404 page, not a 500", async () => {
    const { default: Page, generateMetadata } = await import("../../app/calculators/[policyId]/page.tsx");
    const props = { params: Promise.resolve({ policyId: "%" }), searchParams: Promise.resolve({}) };
    await expect(generateMetadata(props)).resolves.toEqual({ title: "找不到这个计算器" });
    await expect(Page(props)).rejects.toMatchObject({ digest: expect.stringContaining("404") });
  });

  // Next.js decodes dynamic segments before any page runs and answers a broken escape with a plain-text
  // 500 of its own (seen on `npm start`): the web server answers those paths before Next sees them.
  it.each(["/q/%", "/calculators/%", "/calculators/%E4%B8", "/api/x%zz"])("answers %s with a Chinese 404 before Next, with a security policy", async (path) => {
    const { brokenEscapeResponse } = await import("../../scripts/web-server/http.mjs");
    const response = brokenEscapeResponse(path)!;
    expect(response.status).toBe(404);
    expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(response.body).toMatch(path.startsWith("/api/") ? /"error":"not_found"/ : /找不到这个页面/);
    expect(brokenEscapeResponse(path.replace(/%.*$/, "ok"))).toBeNull();
  });

  it("turns a 500 of a render that failed for want of the database into a 503 with Retry-After, and only that", async () => {
    const { createServer } = await import("node:http");
    const { withOutagesAs503, unavailableRequests, REQUEST_ID_HEADER } = await import("../../scripts/web-server/http.mjs");
    const { onRequestError } = await import("../../instrumentation.ts");
    const unreachable = Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: "P1001" });
    let n = 0;
    // As Next does: the render fails (instrumentation.ts marks the request when the database is why),
    // then the error page goes out with status 500.
    const server = createServer(
      withOutagesAs503((req, res) => {
        // What Next does with a failed render: it reports the error to instrumentation.ts first.
        if (req.url === "/db-down") onRequestError(unreachable, { headers: req.headers as Record<string, string> });
        if (req.url === "/bug") onRequestError(new TypeError("x is undefined"), { headers: req.headers as Record<string, string> });
        expect(req.headers[REQUEST_ID_HEADER]).not.toBe("forged");
        res.statusCode = req.url === "/ok" ? 200 : 500;
        res.end("服务暂时不可用");
      }, () => `r${++n}`),
    );
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    onTestFinished(() => new Promise<void>((r) => server.close(() => r())));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const down = await fetch(`${base}/db-down`, { headers: { [REQUEST_ID_HEADER]: "forged" } });
    expect([down.status, down.headers.get("retry-after")]).toEqual([503, "30"]);
    const bug = await fetch(`${base}/bug`);
    expect([bug.status, bug.headers.get("retry-after")]).toEqual([500, null]);
    expect((await fetch(`${base}/ok`)).status).toBe(200);
    expect(unavailableRequests().size).toBe(0);
    expect((await fetch(`${base}/q/%`)).status).toBe(404);
  });

  it("/api/health says only which dependency is down, with 503 when Postgres is, and logs why", async () => {
    const closed = await freePort();
    vi.resetModules();
    vi.stubEnv("DATABASE_URL", `postgresql://nobody:secret-password@127.0.0.1:${closed}/nothing`);
    vi.stubEnv("MEILI_URL", `http://127.0.0.1:${closed}`);
    onTestFinished(() => {
      vi.unstubAllEnvs();
      vi.resetModules();
    });
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    onTestFinished(() => logged.mockRestore());
    const { GET } = await import("../../app/api/health/route.ts");
    const response = await GET();
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ status: "down", db: "down", search: "down" });
    expect(text).not.toMatch(/127\.0\.0\.1|secret|ECONNREFUSED|nobody/);
    expect(logged.mock.calls.map((c) => String(c[0])).join("\n")).toMatch(/health: Postgres is down: .+/);
  });

  it("/api/health is degraded, not down, with Postgres up and Meilisearch down", async () => {
    const sb = await sandbox();
    vi.resetModules();
    vi.stubEnv("DATABASE_URL", sb.databaseUrl);
    vi.stubEnv("MEILI_URL", `http://127.0.0.1:${await freePort()}`);
    onTestFinished(() => {
      vi.unstubAllEnvs();
      vi.resetModules();
    });
    vi.spyOn(console, "error").mockImplementation(() => {});
    onTestFinished(() => vi.mocked(console.error).mockRestore());
    const { GET } = await import("../../app/api/health/route.ts");
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "degraded", db: "ok", search: "down" });
  });
});
