// Search analytics on a real Postgres and Meilisearch, through the real route handlers: every search
// logged with a queryId, its filters as columns and the slugs shown, bots and typing prefixes left out,
// clicks by beacon, the cause of empty searches, the gap clustering of the worker, retention, and the
// gaps API with one-click conversion into the advisors' queue.
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listQueue } from "../../lib/authoring/queue.ts";
import { analyticsOnce } from "../../lib/outbox/drain.ts";
import { flush } from "../../lib/search/log.ts";
import { dashboard } from "../../lib/analytics/dashboard.ts";
import { newQueryId } from "../../lib/analytics/query-id.ts";
import { SITE, siteFixture } from "../support/site.ts";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let api: { search: { GET: Handler }; click: { POST: Handler }; gaps: { GET: Handler }; gap: { POST: Handler }; csv: { GET: Handler } };
let site: Awaited<ReturnType<typeof siteFixture>>;
let databaseUrl: string;
let synonyms: string[][];

beforeAll(async () => {
  site = await siteFixture();
  ({ databaseUrl, synonyms } = site);
  api = {
    search: await import("../../app/api/search/route.ts"),
    click: await import("../../app/api/search/click/route.ts"),
    gaps: await import("../../app/api/admin/analytics/gaps/route.ts"),
    gap: await import("../../app/api/admin/analytics/gaps/[id]/route.ts"),
    csv: await import("../../app/api/admin/analytics/export/route.ts"),
  } as unknown as typeof api;
});
afterAll(() => site.close());

const db = () => site.db();
const BROWSER = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36";

type SearchJson = { hits: { slug: string }[]; total: number; queryId: string | null; explanation?: { cause: string; region?: string } };
async function search(params: Record<string, string>, opts: { ip?: string; ua?: string } = {}): Promise<SearchJson> {
  const req = new NextRequest(`${SITE}/api/search?${new URLSearchParams(params)}`, { headers: { "user-agent": opts.ua ?? BROWSER, "x-yibao-client": opts.ip ?? "198.51.100.7" } });
  const res = await api.search.GET(req, { params: Promise.resolve({}) });
  expect(res.status).toBe(200);
  return (await res.json()) as SearchJson;
}

function post(h: Handler, path: string, body: unknown, opts: { cookie?: string; contentType?: string; params?: Record<string, string> } = {}) {
  const headers = new Headers({ "content-type": opts.contentType ?? "application/json", origin: SITE, "user-agent": BROWSER });
  if (opts.cookie) headers.set("cookie", opts.cookie);
  return h(new NextRequest(`${SITE}${path}`, { method: "POST", headers, body: JSON.stringify(body) }), { params: Promise.resolve(opts.params ?? {}) });
}

const reviewerCookie = async () => (await site.signedIn("reviewer")).cookie;

describe("search log and clicks", () => {
  it("logs a search with its queryId, filters as columns, slugs shown and a salted client hash; clicks by beacon", async () => {
    const r = await search({ q: "异地就医备案", region: "000000" }, { ip: "198.51.100.20" });
    expect(r.queryId).toMatch(/^[0-9a-f-]{36}$/);
    await flush(db());
    const row = await db().searchLog.findUniqueOrThrow({ where: { queryId: r.queryId! } });
    expect(row).toMatchObject({ query: "异地就医备案", normalized: "异地就医备案", region: "000000", hits: r.total, mode: "meilisearch", slugs: r.hits.map((h) => h.slug) });
    expect(row.latencyMs).toBeGreaterThanOrEqual(0);
    expect(row.clientHash).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify({ ...row, id: 0 })).not.toContain("198.51.100.20");
    // sendBeacon sends a string body as text/plain.
    const click = await post(api.click.POST, "/api/search/click", { queryId: r.queryId, slug: r.hits[0]!.slug, position: 1 }, { contentType: "text/plain;charset=UTF-8" });
    expect(click.status).toBe(202);
    expect(await db().searchClick.count({ where: { queryId: r.queryId! } })).toBe(1);
    expect((await post(api.click.POST, "/api/search/click", { queryId: "nope", slug: "x", position: 0 })).status).toBe(400);
    // The same position again, and a query id this server never issued: answered alike, stored never.
    expect(await (await post(api.click.POST, "/api/search/click", { queryId: r.queryId, slug: r.hits[0]!.slug, position: 1 })).json()).toEqual({ recorded: false });
    expect(await (await post(api.click.POST, "/api/search/click", { queryId: randomUUID(), slug: "yidi-beian", position: 2 })).json()).toEqual({ recorded: false });
    expect(await db().searchClick.count()).toBe(1);
    // A suggestion's query id (what /api/suggest hands out) with what had been typed.
    expect((await post(api.click.POST, "/api/search/click", { queryId: newQueryId(), slug: "yidi-beian", position: 2, q: "异地" })).status).toBe(202);
    expect(await db().searchClick.count({ where: { source: "suggestion", query: "异地" } })).toBe(1);
  });

  it("leaves out bots and the prefixes of a query being typed", async () => {
    const before = await db().searchLog.count();
    const bot = await search({ q: "门诊统筹" }, { ua: "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)" });
    expect(bot.queryId).toBeNull();
    for (const q of ["住", "住院", "住院报销"]) await search({ q }, { ip: "198.51.100.30" });
    await flush(db());
    const rows = await db().searchLog.findMany({ where: { id: { gt: 0 } }, orderBy: { id: "asc" }, skip: before });
    expect(rows.map((r) => r.query)).toEqual(["住院报销"]);
  });
});

describe("why a search found nothing", () => {
  it("says a city is not covered when answers exist for other regions only", async () => {
    const r = await search({ q: "深圳门诊统筹" });
    expect(r.total).toBeGreaterThan(0);
    expect(r.explanation).toMatchObject({ cause: "region", region: "440300" });
    const filtered = await search({ q: "门诊统筹", region: "440300" });
    expect(filtered.explanation).toMatchObject({ cause: "region", region: "440300" });
  });

  it("says filters are too narrow when the same words find answers without them", async () => {
    const r = await search({ q: "门诊统筹", insurance: "employee" });
    expect(r.total).toBe(0);
    expect(r.explanation?.cause).toBe("filters");
  });

  it("says there is no content when nothing anywhere matches", async () => {
    const r = await search({ q: "牙齿矫正" });
    expect(r.total).toBe(0);
    expect(r.explanation?.cause).toBe("no_content");
  });
});

describe("content gaps", () => {
  it("clusters zero-result and no-click searches by words after synonyms and by region, with their causes", async () => {
    await flush(db());
    await db().searchLog.deleteMany();
    await search({ q: "宠物医院报备" }, { ip: "198.51.100.41" });
    await search({ q: "宠物医院备案" }, { ip: "198.51.100.42" });
    await search({ q: "深圳门诊统筹" }, { ip: "198.51.100.43" });
    await search({ q: "门诊统筹", region: "440300" }, { ip: "198.51.100.44" });
    await search({ q: "牙齿矫正" }, { ip: "198.51.100.45" });
    const clicked = await search({ q: "异地就医备案" }, { ip: "198.51.100.46" });
    await post(api.click.POST, "/api/search/click", { queryId: clicked.queryId, slug: clicked.hits[0]!.slug, position: 1 });
    await flush(db());
    // A search from before the retention window goes; the worker's pass does it.
    await db().searchLog.create({ data: { query: "很久以前的搜索", kind: "chinese", hits: 0, mode: "meilisearch", createdAt: new Date(Date.now() - 200 * 86_400_000) } });
    const pass = await analyticsOnce(databaseUrl, db(), synonyms);
    expect(pass?.removed).toBe(1);

    const cookie = await reviewerCookie();
    const res = await api.gaps.GET(new NextRequest(`${SITE}/api/admin/analytics/gaps`, { headers: { cookie } }), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    const { gaps } = (await res.json()) as { gaps: { id: number; query: string; region: string; searches: number; cause: string; state: string }[] };
    const byKey = new Map(gaps.map((g) => [`${g.region}:${g.query}`, g]));
    const pets = gaps.filter((g) => g.query.startsWith("宠物医院"));
    expect(pets).toHaveLength(1);
    expect(pets[0]!.searches).toBe(2);
    const shenzhen = gaps.filter((g) => g.region === "440300");
    expect(shenzhen).toHaveLength(1);
    expect(shenzhen[0]).toMatchObject({ searches: 2, cause: "region", state: "open" });
    expect(byKey.get("000000:牙齿矫正")).toMatchObject({ searches: 1, cause: "no_content" });
    // A search whose result was clicked is no gap.
    expect(gaps.some((g) => g.query === "异地就医备案")).toBe(false);
    expect(gaps.some((g) => g.query === "很久以前的搜索")).toBe(false);

    const inRegion = (await (await api.gaps.GET(new NextRequest(`${SITE}/api/admin/analytics/gaps?region=440000`, { headers: { cookie } }), { params: Promise.resolve({}) })).json()) as { gaps: unknown[] };
    expect(inRegion.gaps).toHaveLength(1);
    const bad = await api.gaps.GET(new NextRequest(`${SITE}/api/admin/analytics/gaps?from=yesterday`, { headers: { cookie } }), { params: Promise.resolve({}) });
    expect(bad.status).toBe(400);
    expect((await api.gaps.GET(new NextRequest(`${SITE}/api/admin/analytics/gaps`), { params: Promise.resolve({}) })).status).toBe(401);

    // One click: the gap becomes an unanswered question in the queue, with the gap's searches as demand.
    const id = String(shenzhen[0]!.id);
    const converted = await post(api.gap.POST, `/api/admin/analytics/gaps/${id}`, { action: "convert" }, { cookie, params: { id } });
    expect(converted.status).toBe(200);
    const { slug } = (await converted.json()) as { slug: string };
    const article = await db().article.findUniqueOrThrow({ where: { slug } });
    expect(article).toMatchObject({ state: "unanswered", region: "440300" });
    const queued = (await listQueue(db())).find((q) => q.slug === slug);
    expect(queued).toMatchObject({ demand: 2, fromGap: true });
    expect((await post(api.gap.POST, `/api/admin/analytics/gaps/${id}`, { action: "convert" }, { cookie, params: { id } })).status).toBe(409);
    const other = String(byKey.get("000000:牙齿矫正")!.id);
    expect((await post(api.gap.POST, `/api/admin/analytics/gaps/${other}`, { action: "dismiss" }, { cookie, params: { id: other } })).status).toBe(200);
    await analyticsOnce(databaseUrl, db(), synonyms);
    const states = await db().contentGap.findMany({ select: { query: true, state: true } });
    expect(states).toEqual(expect.arrayContaining([expect.objectContaining({ query: "牙齿矫正", state: "dismissed" })]));
    expect(await db().auditEvent.count({ where: { action: { in: ["gap.convert", "gap.dismiss"] } } })).toBe(2);
  });
});

describe("dashboard", () => {
  it("gives searches per day, zero-result and no-click rates, CTR and mean click position, and exports CSV", async () => {
    await flush(db());
    await db().searchLog.deleteMany();
    await db().searchClick.deleteMany();
    const a = await search({ q: "异地就医备案" });
    const b = await search({ q: "门诊统筹" });
    await search({ q: "牙齿矫正" });
    await search({ q: "定点医院" });
    await flush(db());
    await post(api.click.POST, "/api/search/click", { queryId: a.queryId, slug: a.hits[0]!.slug, position: 1 });
    await post(api.click.POST, "/api/search/click", { queryId: b.queryId, slug: b.hits[0]!.slug, position: 3 });
    const d = await dashboard(db(), {});
    expect(d.days).toHaveLength(30);
    expect(d.days.at(-1)).toMatchObject({ searches: 4, zero: 1, noClick: 1, clicked: 2, clicks: 2, meanPosition: 2 });
    expect(d.totals).toMatchObject({ searches: 4, zeroRate: 0.25, meanPosition: 2 });
    expect(d.totals.ctr).toBeCloseTo(2 / 3);
    expect(d.totals.noClickRate).toBeCloseTo(1 / 3);
    expect(d.slowest.length).toBe(4);
    const cookie = await reviewerCookie();
    const res = await api.csv.GET(new NextRequest(`${SITE}/api/admin/analytics/export?table=daily`, { headers: { cookie } }), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    // The byte-order mark makes spreadsheet programs read the file as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split("\r\n")[0]).toBe("day,searches,zero_results,no_clicks,searches_clicked,clicks,mean_click_position");
    expect(text).toContain(`${d.days.at(-1)!.day},4,1,1,2,2,2`);
  });
});

it("keeps a gap's state as the gap_state enum: Postgres refuses a state no code knows", async () => {
  const gap = await db().contentGap.create({ data: { key: `k-${Date.now()}`, region: "520500", query: "异地备案多久生效", searches: 1, zeroHits: 1, noClicks: 0, cause: "no_content", firstSeen: new Date(), lastSeen: new Date() } });
  expect(gap.state).toBe("open");
  await expect(db().$executeRawUnsafe(`UPDATE content_gaps SET state = 'closed' WHERE id = $1`, gap.id)).rejects.toThrow(/gap_state/);
  await db().$executeRawUnsafe(`UPDATE content_gaps SET state = 'dismissed' WHERE id = $1`, gap.id);
  expect((await db().contentGap.findUniqueOrThrow({ where: { id: gap.id } })).state).toBe("dismissed");
});
