// A content gap's history on a real Postgres, through the real route handlers: searches logged before,
// the gap clustered by the worker's pass, turned into a question by a reviewer, answered through the
// authoring loop (claim → draft → submit → approve), searches logged after; the gaps API then gives the
// lead time from the first search to the published answer and the zero-result searches before and after.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { gapDetail, listConvertedGaps } from "../../lib/analytics/gaps.ts";
import { analyticsOnce } from "../../lib/outbox/drain.ts";
import { SITE, siteFixture } from "../support/site.ts";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let api: { gaps: { GET: Handler }; gap: { GET: Handler; POST: Handler }; claim: { POST: Handler }; draft: { PUT: Handler }; submit: { POST: Handler }; review: { POST: Handler } };
let site: Awaited<ReturnType<typeof siteFixture>>;

beforeAll(async () => {
  site = await siteFixture();
  api = {
    gaps: await import("../../app/api/admin/analytics/gaps/route.ts"),
    gap: await import("../../app/api/admin/analytics/gaps/[id]/route.ts"),
    claim: await import("../../app/api/admin/questions/[slug]/claim/route.ts"),
    draft: await import("../../app/api/admin/questions/[slug]/draft/route.ts"),
    submit: await import("../../app/api/admin/questions/[slug]/draft/submit/route.ts"),
    review: await import("../../app/api/admin/reviews/[id]/route.ts"),
  } as unknown as typeof api;
});
afterAll(() => site.close());

const db = () => site.db();
const DAY = 86_400_000;

async function call(h: Handler, path: string, opts: { method?: string; cookie: string; body?: unknown; params?: Record<string, string> }) {
  const headers = new Headers({ "content-type": "application/json", origin: SITE, cookie: opts.cookie });
  const res = await h(new Request(`${SITE}${path}`, { method: opts.method ?? "GET", headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) }), { params: Promise.resolve(opts.params ?? {}) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

type History = {
  firstSearchAt: string;
  questionAt: string;
  answeredAt: string;
  leadTimeMs: number;
  before: { searches: number; zeroHits: number; days: number; zeroPerDay: number | null };
  after: { searches: number; zeroHits: number; days: number; zeroPerDay: number | null };
  zeroPerDayDrop: number | null;
};
type ListedGap = { id: number; query: string; region: string; state: string; history: History | null };

it("gives a gap's lead time to the published answer and its zero-result searches before and after", async () => {
  const reviewer = await site.signedIn("reviewer");
  const advisor = await site.signedIn("advisor");
  const t0 = Date.now();
  const search = (at: Date, hits: number) => ({ query: "牙齿矫正", normalized: "牙齿矫正", kind: "chinese", region: "440300", hits, mode: "meilisearch", createdAt: at });
  const ago = (days: number) => new Date(t0 - days * DAY);

  // Before: a search that found what it looked for (clicked) a while earlier, then four that found
  // nothing and one whose results nobody clicked.
  const earlier = await db().searchLog.create({ data: { ...search(ago(12), 3), queryId: randomUUID() } });
  await db().searchClick.create({ data: { queryId: earlier.queryId!, slug: "menzhen-tongchou-bijie", position: 1 } });
  await db().searchLog.createMany({ data: [search(ago(10), 0), search(ago(9), 0), search(ago(8.5), 0), search(ago(5), 2), search(ago(2), 0)] });
  await analyticsOnce(site.databaseUrl, db(), site.synonyms);

  const listed = async () => {
    const r = await call(api.gaps.GET, "/api/admin/analytics/gaps?region=440300", { cookie: reviewer.cookie });
    expect(r.status).toBe(200);
    return (r.json.gaps as ListedGap[]).find((g) => g.query === "牙齿矫正")!;
  };
  const open = await listed();
  expect(open).toMatchObject({ region: "440300", state: "open", history: null });

  // The reviewer makes it a question; an advisor answers it and another reviewer's approval publishes it.
  const id = String(open.id);
  expect((await call(api.gap.POST, `/api/admin/analytics/gaps/${id}`, { method: "POST", cookie: reviewer.cookie, params: { id }, body: {} })).status).toBe(400);
  const made = await call(api.gap.POST, `/api/admin/analytics/gaps/${id}`, { method: "POST", cookie: reviewer.cookie, params: { id }, body: { action: "convert" } });
  expect(made.status).toBe(200);
  const slug = made.json.slug as string;
  const article = await db().article.findUniqueOrThrow({ where: { slug } });
  const unanswered = (await call(api.gap.GET, `/api/admin/analytics/gaps/${id}`, { cookie: reviewer.cookie, params: { id } })).json.gap as { state: string; history: History | null; article: { slug: string } };
  expect(unanswered).toMatchObject({ state: "converted", history: null, article: { slug } });

  expect((await call(api.claim.POST, `/api/admin/questions/${slug}/claim`, { method: "POST", cookie: advisor.cookie, params: { slug } })).status).toBe(200);
  const body = "隐形矫正和传统牙齿矫正一般属于口腔美容或非疾病治疗项目，基本医保不予报销；因疾病导致的咬合畸形，请向参保地医保经办机构咨询。";
  expect((await call(api.draft.PUT, `/api/admin/questions/${slug}/draft`, { method: "PUT", cookie: advisor.cookie, params: { slug }, body: { body } })).status).toBe(200);
  const submitted = await call(api.submit.POST, `/api/admin/questions/${slug}/draft/submit`, { method: "POST", cookie: advisor.cookie, params: { slug } });
  expect(submitted.status).toBe(200);
  const reviewId = String(submitted.json.reviewId);
  expect((await call(api.review.POST, `/api/admin/reviews/${reviewId}`, { method: "POST", cookie: reviewer.cookie, params: { id: reviewId }, body: { decision: "approve" } })).status).toBe(200);
  expect((await db().article.findUniqueOrThrow({ where: { slug } })).state).toBe("published");
  const answeredAt = (await db().auditEvent.findFirstOrThrow({ where: { articleId: article.id, action: "revision.publish" } })).createdAt;

  // After: three searches, one of which still finds nothing.
  const after = (ms: number, hits: number) => search(new Date(answeredAt.getTime() + ms), hits);
  await db().searchLog.createMany({ data: [after(1, 1), after(2, 0), after(3, 4)] });
  await analyticsOnce(site.databaseUrl, db(), site.synonyms);

  const firstSearch = ago(10);
  const detail = await call(api.gap.GET, `/api/admin/analytics/gaps/${id}`, { cookie: reviewer.cookie, params: { id } });
  expect(detail.status).toBe(200);
  const gap = detail.json.gap as { history: History; series: { unit: string; points: { searches: number; zeroHits: number; phase: string }[] } };
  expect(gap.history).toMatchObject({
    firstSearchAt: firstSearch.toISOString(),
    questionAt: article.createdAt.toISOString(),
    answeredAt: answeredAt.toISOString(),
    leadTimeMs: answeredAt.getTime() - firstSearch.getTime(),
    before: { searches: 5, zeroHits: 4 },
    after: { searches: 3, zeroHits: 1 },
  });
  expect(gap.history.leadTimeMs).toBeGreaterThan(10 * DAY);
  expect(gap.history.leadTimeMs).toBeLessThan(10 * DAY + 120_000);
  // Per day, from the first unmet search (the clicked one before it is not part of the gap).
  expect(gap.series.unit).toBe("day");
  expect(gap.series.points.reduce((n, p) => n + p.searches, 0)).toBe(8);
  expect(gap.series.points.reduce((n, p) => n + p.zeroHits, 0)).toBe(5);
  expect(gap.series.points.filter((p) => p.phase === "answer_published")).toHaveLength(1);
  // The list carries the same history.
  const answered = await listed();
  expect(answered.state).toBe("converted");
  expect(answered.history).toMatchObject({ leadTimeMs: gap.history.leadTimeMs, before: { zeroHits: 4 }, after: { zeroHits: 1 } });

  // The dashboard's list of gaps made into questions, by province.
  const followed = await listConvertedGaps(db(), { region: "440000" });
  expect(followed.find((g) => g.id === open.id)).toMatchObject({ article: { slug, state: "published" }, history: { leadTimeMs: gap.history.leadTimeMs } });
  expect((await listConvertedGaps(db(), { region: "110000" })).some((g) => g.id === open.id)).toBe(false);

  // A week on: rates per day over each side, and the drop.
  const weekOn = new Date(answeredAt.getTime() + 7 * DAY);
  const later = (await gapDetail(db(), open.id, { now: weekOn, retentionDays: 180 }))!.history!;
  const beforeDays = (answeredAt.getTime() - firstSearch.getTime()) / DAY;
  expect(later.after.days).toBe(7);
  expect(later.before.zeroPerDay).toBeCloseTo(4 / beforeDays, 6);
  expect(later.after.zeroPerDay).toBeCloseTo(1 / 7, 6);
  expect(later.zeroPerDayDrop).toBeCloseTo(1 - 1 / 7 / (4 / beforeDays), 6);
  // With a log that keeps 9½ days, only the last 2½ days before the answer are left to count.
  const short = (await gapDetail(db(), open.id, { now: weekOn, retentionDays: 9.5 }))!.history!;
  expect(short.before).toMatchObject({ searches: 1, zeroHits: 1, days: 2.5 });
  expect(short.leadTimeMs).toBe(gap.history.leadTimeMs);

  // Unknown and malformed ids are a 404, never a 500; no session, a 401.
  for (const bad of ["999999", "abc", "1e3"]) expect((await call(api.gap.GET, `/api/admin/analytics/gaps/${bad}`, { cookie: reviewer.cookie, params: { id: bad } })).status).toBe(404);
  const anonymous = await api.gap.GET(new Request(`${SITE}/api/admin/analytics/gaps/${id}`), { params: Promise.resolve({ id }) });
  expect(anonymous.status).toBe(401);
});
