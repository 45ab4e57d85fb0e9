// Every write of the authoring API expires exactly the pages it changed, decided in one place: each
// write verb reports what it changed and the admin transport (lib/site/admin-api.ts) turns that into
// page-cache tags sent to every web server. Through the real route handlers against a real Postgres;
// the tags are caught where the transport hands them over. A write route this file does not call fails
// the last test, so a new route cannot skip the question.
import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Role } from "../../lib/auth/roles.ts";
import { createArticle } from "../../lib/articles/revisions.ts";
import { ASKED } from "../../lib/domain/visibility.ts";
import { pageExpiry } from "../../lib/site/admin-api.ts";
import { siteFixture, SITE } from "../support/site.ts";

const POLICY = "520500-2025-resident-outpatient";
const ROOT = join(import.meta.dirname, "../..");
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let site: Awaited<ReturnType<typeof siteFixture>>;
const expired: string[][] = [];
/** Every write route exercised below, by its folder under app/api/admin and its method. */
const covered = new Set<string>();

beforeAll(async () => {
  site = await siteFixture({ policies: [POLICY] });
  pageExpiry.expire = async (tags) => void expired.push(tags);
});
afterAll(() => site.close());

const db = () => site.db();
const signedIn = (role: Role) => site.signedIn(role);
const idOf = async (slug: string) => (await db().article.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
const pages = (...tags: string[]) => ["landing", ...tags].sort();
const SOURCE = { outcome: "verified", publisher: "毕节市医疗保障局", publishedOn: "2025-01-02", url: "https://ybj.bijie.gov.cn/doc/1" };

/** Calls the route at app/api/admin/<route> and returns its JSON with the tags it expired (sorted). */
async function write(route: string, method: string, path: string, cookie: string, body?: unknown, params: Record<string, string> = {}) {
  covered.add(`${route} ${method}`);
  const mod = (await import(join(ROOT, "app/api/admin", route, "route.ts"))) as Record<string, Handler>;
  const before = expired.length;
  const res = await mod[method]!(
    new Request(`${SITE}${path}`, { method, headers: { "content-type": "application/json", origin: SITE, cookie }, body: body === undefined ? undefined : JSON.stringify(body) }),
    { params: Promise.resolve(params) },
  );
  const json = (await res.json()) as Record<string, unknown>;
  expect(res.status, JSON.stringify(json)).toBeLessThan(300);
  expect(json).not.toHaveProperty("changed");
  return { json, tags: expired.slice(before).flat().sort() };
}

let advisor: Awaited<ReturnType<typeof signedIn>>;
let reviewer: Awaited<ReturnType<typeof signedIn>>;
let admin: Awaited<ReturnType<typeof signedIn>>;

it("answering a question: only the published answer and the archive expire pages", async () => {
  advisor = await signedIn("advisor");
  reviewer = await signedIn("reviewer");
  admin = await signedIn("admin");
  const created = await write("questions", "POST", "/api/admin/questions", advisor.cookie, { title: `换工作以后医保怎么转${randomUUID().slice(0, 4)}？`, region: "520500", insurance: ["employee"], topics: ["参保缴费"] });
  const slug = created.json.slug as string;
  const id = await idOf(slug);
  // A new question is public at once: its page, and whatever its address showed before (a cached 404).
  expect(created.tags).toEqual(pages(`article:${id}`, `slug:${slug}`));

  expect((await write("questions/[slug]/claim", "POST", `/api/admin/questions/${slug}/claim`, advisor.cookie, undefined, { slug })).tags).toEqual([]);
  const body = "可以转移接续，到新参保地办理即可，缴费年限累计计算。";
  expect((await write("questions/[slug]/draft", "PUT", `/api/admin/questions/${slug}/draft`, advisor.cookie, { body }, { slug })).tags).toEqual([]);
  expect((await write("preview", "POST", "/api/admin/preview", advisor.cookie, { body })).tags).toEqual([]);
  const submitted = await write("questions/[slug]/draft/submit", "POST", `/api/admin/questions/${slug}/draft/submit`, advisor.cookie, undefined, { slug });
  expect(submitted.tags).toEqual([]);
  const reviewId = String(submitted.json.reviewId);
  const approved = await write("reviews/[id]", "POST", `/api/admin/reviews/${reviewId}`, reviewer.cookie, { decision: "approve" }, { id: reviewId });
  expect(approved.tags).toEqual(pages(`article:${id}`));

  // A later revision sent back changes nothing public; restoring one only submits it for review.
  const answer = await db().answer.findFirstOrThrow({ where: { articleId: id }, select: { id: true, publishedRevisionId: true } });
  await write("questions/[slug]/draft", "PUT", `/api/admin/questions/${slug}/draft`, advisor.cookie, { body: `${body}（补充）` }, { slug });
  const second = await write("questions/[slug]/draft/submit", "POST", `/api/admin/questions/${slug}/draft/submit`, advisor.cookie, undefined, { slug });
  expect((await write("reviews/[id]", "POST", `/api/admin/reviews/${second.json.reviewId}`, reviewer.cookie, { decision: "request_changes", comment: "请写明办理地点" }, { id: String(second.json.reviewId) })).tags).toEqual([]);
  const restoreId = String(answer.publishedRevisionId);
  expect((await write("revisions/[id]/restore", "POST", `/api/admin/revisions/${restoreId}/restore`, advisor.cookie, undefined, { id: restoreId })).tags).toEqual([]);

  const checked = await write("answers/[id]/checks", "POST", `/api/admin/answers/${answer.id}/checks`, reviewer.cookie, { ...SOURCE, title: "关于做好基本医疗保险关系转移接续工作的通知" }, { id: String(answer.id) });
  expect(checked.tags).toEqual(pages(`article:${id}`));
  expect((await write("questions/[slug]/aliases", "PUT", `/api/admin/questions/${slug}/aliases`, advisor.cookie, { aliases: ["医保关系怎么转"] }, { slug })).tags).toEqual(pages(`article:${id}`));
  // Saving the same phrasings again changes nothing.
  expect((await write("questions/[slug]/aliases", "PUT", `/api/admin/questions/${slug}/aliases`, advisor.cookie, { aliases: ["医保关系怎么转"] }, { slug })).tags).toEqual([]);
  expect((await write("questions/[slug]/state", "POST", `/api/admin/questions/${slug}/state`, reviewer.cookie, { state: "archived" }, { slug })).tags).toEqual(pages(`article:${id}`));

  // The advisor's profile is shown with every answer published in their name.
  expect((await write("accounts/[id]", "POST", `/api/admin/accounts/${advisor.userId}`, admin.cookie, { title: "医保政策顾问" }, { id: advisor.userId })).tags).toEqual(pages(`article:${id}`));
  expect((await write("accounts/[id]", "POST", `/api/admin/accounts/${reviewer.userId}`, admin.cookie, { role: "admin" }, { id: reviewer.userId })).tags).toEqual([]);
  expect((await write("accounts", "POST", "/api/admin/accounts", admin.cookie, { email: `new-${randomUUID().slice(0, 6)}@example.cn`, name: "新顾问", role: "advisor" })).tags).toEqual([]);
});

it("a reader's question accepted, a gap converted: public from then on, and their pages expire", async () => {
  const slug = `reader-${randomUUID().slice(0, 6)}`;
  const { id } = await createArticle(db(), { by: "public", article: { slug, title: "异地就医备案要多久才能生效？", region: "520500", insurance: ["resident"], topics: ["异地就医"], published: "2026-12-08", status: ASKED, related: [], citations: [], answers: [] } });
  expect((await write("moderation/[slug]", "POST", `/api/admin/moderation/${slug}`, reviewer.cookie, { decision: "accept" }, { slug })).tags).toEqual(pages(`article:${id}`, `slug:${slug}`));

  const gaps = await Promise.all(["备案以后能报多少", "断缴三个月怎么办"].map((query, i) => db().contentGap.create({ data: { key: `k-${randomUUID()}`, region: "520500", query, searches: 3 + i, zeroHits: 3, noClicks: 0, cause: "no_content", firstSeen: new Date(), lastSeen: new Date() } })));
  const converted = await write("analytics/gaps/[id]", "POST", `/api/admin/analytics/gaps/${gaps[0]!.id}`, reviewer.cookie, { action: "convert" }, { id: String(gaps[0]!.id) });
  const made = converted.json.slug as string;
  expect(converted.tags).toEqual(pages(`article:${await idOf(made)}`, `slug:${made}`));
  expect((await write("analytics/gaps/[id]", "POST", `/api/admin/analytics/gaps/${gaps[1]!.id}`, reviewer.cookie, { action: "dismiss" }, { id: String(gaps[1]!.id) })).tags).toEqual([]);
});

it("a policy checked: every landing page and the question pages embedding it", async () => {
  expect((await write("policies/[id]/checks", "POST", `/api/admin/policies/${POLICY}/checks`, reviewer.cookie, { ...SOURCE, title: "毕节市城乡居民基本医疗保险实施细则" }, { id: POLICY })).tags).toEqual(pages(`policy:${POLICY}`));
});

it("covers every write route of the authoring API", async () => {
  const base = join(ROOT, "app/api/admin");
  const files = (await readdir(base, { recursive: true })).filter((f) => f.endsWith("route.ts"));
  const writes: string[] = [];
  for (const f of files) {
    const source = await readFile(join(base, f), "utf8");
    for (const m of source.matchAll(/export const (POST|PUT|PATCH|DELETE)\b/g)) writes.push(`${relative(".", f.replace(/\/?route\.ts$/, "")) || "."} ${m[1]}`);
  }
  expect(writes.length).toBeGreaterThanOrEqual(15);
  expect(writes.filter((w) => !covered.has(w)).sort()).toEqual([]);
});
