// The authoring JSON API, called through its real route handlers against a real Postgres and
// Meilisearch: sessions from the real sign-in endpoint, every role check, bad bodies, the four-eye rule.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { createAccount } from "../../lib/authoring/accounts.ts";
import type { Role } from "../../lib/auth/roles.ts";
import { ingestContent } from "../../lib/content/ingest.ts";
import { closeDb, getDb } from "../../lib/db/client.ts";
import { feedOnce } from "../../lib/outbox/drain.ts";
import { ensureIndex, getIndex, getSearchClient } from "../../lib/search/client.ts";
import { copyContent, FIXTURE_CONTENT, freshDatabase } from "../support/context.ts";
import { signedIn as signInAs } from "../support/sign-in.ts";
import { pageExpiry } from "../../lib/site/admin-api.ts";

const SITE = "http://localhost:3000";
let databaseUrl: string;
let content: Awaited<ReturnType<typeof copyContent>>;
const indexName = `t_${randomUUID().slice(0, 8)}`;
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let api: {
  auth: { POST: (req: Request) => Promise<Response> };
  queue: { GET: Handler };
  questions: { POST: Handler };
  draft: { GET: Handler; PUT: Handler };
  submit: { POST: Handler };
  claim: { POST: Handler };
  review: { GET: Handler; POST: Handler };
  restore: { POST: Handler };
  state: { POST: Handler };
  accounts: { GET: Handler; POST: Handler };
  account: { POST: Handler };
};

beforeAll(async () => {
  // The route handlers read their settings from the environment, as on a server.
  databaseUrl = await freshDatabase();
  Object.assign(process.env, { DATABASE_URL: databaseUrl, MEILI_URL: inject("meiliUrl"), MEILI_MASTER_KEY: inject("meiliKey"), MEILI_INDEX: indexName, SITE_URL: SITE, BETTER_AUTH_SECRET: randomUUID() + randomUUID() });
  content = await copyContent(FIXTURE_CONTENT);
  const client = getSearchClient(inject("meiliUrl"), inject("meiliKey"));
  await ensureIndex(client, indexName);
  await ingestContent({ contentDir: content.dir, databaseUrl, index: getIndex(client, indexName) });
  // Page expiry after writes is test/integration/page-expiry.test.ts's subject; here it would post to whatever listens on port 3000.
  pageExpiry.expire = async () => {};
  api = {
    auth: await import("../../app/api/auth/[...all]/route.ts"),
    queue: await import("../../app/api/admin/queue/route.ts"),
    questions: await import("../../app/api/admin/questions/route.ts"),
    draft: await import("../../app/api/admin/questions/[slug]/draft/route.ts"),
    submit: await import("../../app/api/admin/questions/[slug]/draft/submit/route.ts"),
    claim: await import("../../app/api/admin/questions/[slug]/claim/route.ts"),
    review: await import("../../app/api/admin/reviews/[id]/route.ts"),
    restore: await import("../../app/api/admin/revisions/[id]/restore/route.ts"),
    state: await import("../../app/api/admin/questions/[slug]/state/route.ts"),
    accounts: await import("../../app/api/admin/accounts/route.ts"),
    account: await import("../../app/api/admin/accounts/[id]/route.ts"),
  } as unknown as typeof api;
});
afterAll(async () => {
  await closeDb(databaseUrl);
  await content.cleanup();
});

const db = () => getDb(databaseUrl);

/** A new account of `role`, signed in through the real endpoint; returns its cookie. */
const signedIn = (role: Role) => signInAs(databaseUrl, api.auth.POST, role);

function call(h: Handler, path: string, opts: { method?: string; cookie?: string; body?: unknown; origin?: string | null; params?: Record<string, string> } = {}) {
  const headers = new Headers({ "content-type": "application/json" });
  if (opts.cookie) headers.set("cookie", opts.cookie);
  if (opts.origin !== null) headers.set("origin", opts.origin ?? SITE);
  const req = new Request(`${SITE}${path}`, { method: opts.method ?? "GET", headers, body: opts.body === undefined ? undefined : typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body) });
  return h(req, { params: Promise.resolve(opts.params ?? {}) });
}

/** A fresh unanswered question of its own, so that no test depends on another. */
async function newQuestion(cookie: string): Promise<string> {
  const res = await call(api.questions.POST, "/api/admin/questions", { method: "POST", cookie, body: { title: `孩子的居民医保在哪里交${randomUUID().slice(0, 4)}？`, region: "520500", insurance: ["resident"], topics: ["参保缴费"] } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { slug: string }).slug;
}

describe("sessions and roles", () => {
  it("answers 401 without a session and 403 to a role too low, with an audit line", async () => {
    expect((await call(api.queue.GET, "/api/admin/queue")).status).toBe(401);
    const advisor = await signedIn("advisor");
    const res = await call(api.review.GET, "/api/admin/reviews/1", { cookie: advisor.cookie, params: { id: "1" } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { message: string }).message).toMatch(/权限/);
    expect(await db().auditEvent.count({ where: { actor: advisor.userId, action: "auth.forbidden" } })).toBe(1);
  });

  it("refuses writes from another origin", async () => {
    const advisor = await signedIn("advisor");
    const res = await call(api.questions.POST, "/api/admin/questions", { method: "POST", cookie: advisor.cookie, origin: "https://evil.example", body: { title: "来自别的网站的问题", region: "000000", insurance: ["resident"], topics: ["参保缴费"] } });
    expect(res.status).toBe(403);
  });

  it("throttles sign-in attempts, with the state in Postgres", async () => {
    const email = `throttle-${randomUUID().slice(0, 6)}@example.cn`;
    await createAccount(db(), { email, name: "限流测试", role: "advisor", password: "correct horse battery", by: "test" }, databaseUrl);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await api.auth.POST(new Request(`${SITE}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: SITE, "x-yibao-client": "203.0.113.9" }, body: JSON.stringify({ email, password: "wrong password!" }) }));
      statuses.push(res.status);
    }
    // Per client (5 a minute) and per account and client (a wait from the 3rd failure on): 429 once either bites.
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
    expect(await db().rateLimit.count()).toBeGreaterThan(0);
    expect(await db().auditEvent.count({ where: { action: "auth.sign_in_failed" } })).toBeGreaterThan(0);
  });

  it("stores passwords as argon2id hashes, never as written", async () => {
    const a = await signedIn("advisor");
    const account = await db().account.findFirstOrThrow({ where: { user: { email: a.email } } });
    expect(account.password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe("the loop: queue → claim → draft → submit → review → published", () => {
  it("publishes an approved answer into the page and search, and never lets the author approve it", async () => {
    const advisor = await signedIn("advisor");
    const other = await signedIn("advisor");
    const reviewer = await signedIn("reviewer");
    const slug = await newQuestion(advisor.cookie);

    const queue = (await (await call(api.queue.GET, "/api/admin/queue", { cookie: advisor.cookie })).json()) as { items: { slug: string; state: string }[] };
    expect(queue.items.map((i) => i.slug)).toContain(slug);
    expect((await call(api.claim.POST, `/api/admin/questions/${slug}/claim`, { method: "POST", cookie: advisor.cookie, params: { slug } })).status).toBe(200);
    const taken = await call(api.claim.POST, `/api/admin/questions/${slug}/claim`, { method: "POST", cookie: other.cookie, params: { slug } });
    expect(taken.status).toBe(409);

    const body = "可以在户籍地或居住地的医保经办机构为孩子办理参保缴费，独有词丁戊己。";
    const saved = await call(api.draft.PUT, `/api/admin/questions/${slug}/draft`, { method: "PUT", cookie: advisor.cookie, params: { slug }, body: { body, citations: [{ title: "中华人民共和国社会保险法", article: "第二十五条" }] } });
    expect(saved.status).toBe(200);
    // A reload finds the draft; the public page does not.
    const reread = (await (await call(api.draft.GET, `/api/admin/questions/${slug}/draft`, { cookie: advisor.cookie, params: { slug } })).json()) as { draft: { body: string } };
    expect(reread.draft.body).toBe(body);
    const submitted = await call(api.submit.POST, `/api/admin/questions/${slug}/draft/submit`, { method: "POST", cookie: advisor.cookie, params: { slug } });
    expect(submitted.status).toBe(200);
    const { reviewId } = (await submitted.json()) as { reviewId: number };

    // The advisor cannot review at all; a reviewer cannot approve their own submission (next test).
    expect((await call(api.review.POST, `/api/admin/reviews/${reviewId}`, { method: "POST", cookie: advisor.cookie, params: { id: String(reviewId) }, body: { decision: "approve" } })).status).toBe(403);
    const detail = (await (await call(api.review.GET, `/api/admin/reviews/${reviewId}`, { cookie: reviewer.cookie, params: { id: String(reviewId) } })).json()) as { diff: { text: { kind: string; text: string }[]; citations: { added: string[] } } };
    expect(detail.diff.text.some((p) => p.kind === "added" && p.text.includes("医保经办机构"))).toBe(true);
    expect(detail.diff.citations.added).toEqual(["《中华人民共和国社会保险法》第二十五条"]);

    const approved = await call(api.review.POST, `/api/admin/reviews/${reviewId}`, { method: "POST", cookie: reviewer.cookie, params: { id: String(reviewId) }, body: { decision: "approve", comment: "依据清楚" } });
    expect(approved.status).toBe(200);
    const article = await db().article.findUniqueOrThrow({ where: { slug }, include: { answers: { include: { publishedRevision: true } } } });
    expect(article.state).toBe("published");
    expect(article.answers[0]?.position).toBe(1);
    expect(article.answers[0]?.publishedRevision?.body).toBe(body);
    const index = getIndex(getSearchClient(inject("meiliUrl"), inject("meiliKey")), indexName);
    await feedOnce(databaseUrl, db(), index);
    expect((await index.search("独有词丁戊己")).hits.map((h) => h.slug)).toContain(slug);
    expect(await db().auditEvent.count({ where: { articleId: article.id, action: { in: ["answer.submit", "review.approve", "revision.publish"] } } })).toBe(3);
  });

  it("refuses a reviewer's approval of their own submission, in the API and in the database", async () => {
    const reviewer = await signedIn("reviewer");
    const slug = await newQuestion(reviewer.cookie);
    await call(api.draft.PUT, `/api/admin/questions/${slug}/draft`, { method: "PUT", cookie: reviewer.cookie, params: { slug }, body: { body: "自己写的解答。" } });
    const { reviewId } = (await (await call(api.submit.POST, `/api/admin/questions/${slug}/draft/submit`, { method: "POST", cookie: reviewer.cookie, params: { slug } })).json()) as { reviewId: number };
    const own = await call(api.review.POST, `/api/admin/reviews/${reviewId}`, { method: "POST", cookie: reviewer.cookie, params: { id: String(reviewId) }, body: { decision: "approve" } });
    expect(own.status).toBe(403);
    expect(((await own.json()) as { message: string }).message).toMatch(/自己/);
    // The refusal outlives the transaction it aborted.
    expect(await db().auditEvent.count({ where: { actor: reviewer.userId, action: "review.own_refused" } })).toBe(1);
    // Even code that skipped the check could not record it.
    await expect(db().$executeRawUnsafe(`UPDATE reviews SET status = 'approved', reviewer_id = author_id, decided_at = now() WHERE id = $1`, reviewId)).rejects.toThrow(/reviews_four_eyes/);
    expect((await db().article.findUniqueOrThrow({ where: { slug } })).state).toBe("unanswered");
    // Another reviewer sends it back — with a reason, or not at all.
    const other = await signedIn("reviewer");
    const silent = await call(api.review.POST, `/api/admin/reviews/${reviewId}`, { method: "POST", cookie: other.cookie, params: { id: String(reviewId) }, body: { decision: "request_changes" } });
    expect(silent.status).toBe(400);
    const back = await call(api.review.POST, `/api/admin/reviews/${reviewId}`, { method: "POST", cookie: other.cookie, params: { id: String(reviewId) }, body: { decision: "request_changes", comment: "请补充法律依据" } });
    expect(back.status).toBe(200);
    expect(await db().review.findUniqueOrThrow({ where: { id: reviewId } })).toMatchObject({ status: "changes_requested", comment: "请补充法律依据", reviewerId: other.userId });
  });

  it("refuses to save a draft over an answer published since the draft began, keeping both texts", async () => {
    const advisor = await signedIn("advisor");
    const reviewer = await signedIn("reviewer");
    const slug = await newQuestion(advisor.cookie);
    const save = (text: string, baseRevisionId?: number | null) => call(api.draft.PUT, `/api/admin/questions/${slug}/draft`, { method: "PUT", cookie: advisor.cookie, params: { slug }, body: { body: text, ...(baseRevisionId !== undefined ? { baseRevisionId } : {}) } });
    await save("第一版。");
    const { reviewId } = (await (await call(api.submit.POST, `/api/admin/questions/${slug}/draft/submit`, { method: "POST", cookie: advisor.cookie, params: { slug } })).json()) as { reviewId: number };
    await call(api.review.POST, `/api/admin/reviews/${reviewId}`, { method: "POST", cookie: reviewer.cookie, params: { id: String(reviewId) }, body: { decision: "approve" } });
    // A tab still editing from before the publish (base: nothing published yet).
    const stale = await save("旧标签页里的修改。", null);
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ yours: "旧标签页里的修改。", theirs: "第一版。" });
  });
});

describe("accounts", () => {
  it("lets admins create accounts, change roles and verify profiles, and nobody else", async () => {
    const admin = await signedIn("admin");
    const advisor = await signedIn("advisor");
    const made = await call(api.accounts.POST, "/api/admin/accounts", { method: "POST", cookie: admin.cookie, body: { email: `new-${randomUUID().slice(0, 6)}@example.cn`, name: "王律师", role: "advisor", title: "执业律师" } });
    expect(made.status).toBe(201);
    const { userId, password } = (await made.json()) as { userId: string; password: string };
    expect(password.length).toBeGreaterThanOrEqual(10);
    expect((await call(api.accounts.POST, "/api/admin/accounts", { method: "POST", cookie: advisor.cookie, body: { email: "x@example.cn", name: "x", role: "admin" } })).status).toBe(403);
    expect((await call(api.account.POST, `/api/admin/accounts/${userId}`, { method: "POST", cookie: advisor.cookie, params: { id: userId }, body: { role: "admin" } })).status).toBe(403);
    expect((await call(api.account.POST, `/api/admin/accounts/${userId}`, { method: "POST", cookie: admin.cookie, params: { id: userId }, body: { role: "reviewer", verified: true } })).status).toBe(200);
    const user = await db().user.findUniqueOrThrow({ where: { id: userId }, include: { advisor: true } });
    expect(user.role).toBe("reviewer");
    expect(user.advisor?.verified).toBe(true);
    expect((await call(api.account.POST, `/api/admin/accounts/${admin.userId}`, { method: "POST", cookie: admin.cookie, params: { id: admin.userId }, body: { role: "advisor" } })).status).toBe(400);
    expect((await call(api.account.POST, `/api/admin/accounts/${userId}`, { method: "POST", cookie: admin.cookie, params: { id: userId }, body: { role: "owner" } })).status).toBe(400);
  });
});

describe("history", () => {
  it("brings an older revision back as a new submission, published only after review", async () => {
    const advisor = await signedIn("advisor");
    const reviewer = await signedIn("reviewer");
    const slug = await newQuestion(advisor.cookie);
    const publish = async (text: string) => {
      const current = (await (await call(api.draft.GET, `/api/admin/questions/${slug}/draft`, { cookie: advisor.cookie, params: { slug } })).json()) as { published: { id: number } | null };
      const baseRevisionId = current.published?.id ?? null;
      expect((await call(api.draft.PUT, `/api/admin/questions/${slug}/draft`, { method: "PUT", cookie: advisor.cookie, params: { slug }, body: { body: text, baseRevisionId } })).status).toBe(200);
      const { reviewId } = (await (await call(api.submit.POST, `/api/admin/questions/${slug}/draft/submit`, { method: "POST", cookie: advisor.cookie, params: { slug } })).json()) as { reviewId: number };
      expect((await call(api.review.POST, `/api/admin/reviews/${reviewId}`, { method: "POST", cookie: reviewer.cookie, params: { id: String(reviewId) }, body: { decision: "approve" } })).status).toBe(200);
    };
    await publish("第一版的解答。");
    await publish("第二版的解答。");
    const first = await db().answerRevision.findFirstOrThrow({ where: { answer: { article: { slug } }, number: 1 } });
    const restored = await call(api.restore.POST, `/api/admin/revisions/${first.id}/restore`, { method: "POST", cookie: advisor.cookie, params: { id: String(first.id) } });
    expect(restored.status).toBe(200);
    const { reviewId } = (await restored.json()) as { reviewId: number };
    // Still the second version on the site until a reviewer approves the restore.
    const live = async () => (await db().answer.findFirstOrThrow({ where: { article: { slug } }, include: { publishedRevision: true } })).publishedRevision!;
    expect((await live()).body).toBe("第二版的解答。");
    await call(api.review.POST, `/api/admin/reviews/${reviewId}`, { method: "POST", cookie: reviewer.cookie, params: { id: String(reviewId) }, body: { decision: "approve" } });
    expect(await live()).toMatchObject({ number: 3, body: "第一版的解答。", summary: "恢复第 1 版" });
  });

  it("lets reviewers archive a question, and nobody below them", async () => {
    const advisor = await signedIn("advisor");
    const reviewer = await signedIn("reviewer");
    const slug = await newQuestion(advisor.cookie);
    expect((await call(api.state.POST, `/api/admin/questions/${slug}/state`, { method: "POST", cookie: advisor.cookie, params: { slug }, body: { state: "archived" } })).status).toBe(403);
    expect((await call(api.state.POST, `/api/admin/questions/${slug}/state`, { method: "POST", cookie: reviewer.cookie, params: { slug }, body: { state: "published" } })).status).toBe(400);
    expect((await call(api.state.POST, `/api/admin/questions/${slug}/state`, { method: "POST", cookie: reviewer.cookie, params: { slug }, body: { state: "archived" } })).status).toBe(200);
    expect((await db().article.findUniqueOrThrow({ where: { slug } })).state).toBe("archived");
  });
});

describe("bad input", () => {
  it("answers 400 naming the field, never 500", async () => {
    const advisor = await signedIn("advisor");
    const q = await call(api.questions.POST, "/api/admin/questions", { method: "POST", cookie: advisor.cookie, body: { title: "短", region: "99999", insurance: [], topics: [] } });
    expect(q.status).toBe(400);
    const fields = ((await q.json()) as { fields: { path: string[] }[] }).fields.map((f) => f.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["title", "region", "insurance", "topics"]));
    expect((await call(api.questions.POST, "/api/admin/questions", { method: "POST", cookie: advisor.cookie, body: "{not json" })).status).toBe(400);
    const slug = await newQuestion(advisor.cookie);
    expect((await call(api.draft.PUT, `/api/admin/questions/${slug}/draft`, { method: "PUT", cookie: advisor.cookie, params: { slug }, body: { body: 42 } })).status).toBe(400);
    expect((await call(api.submit.POST, `/api/admin/questions/no-such-question/draft/submit`, { method: "POST", cookie: advisor.cookie, params: { slug: "no-such-question" } })).status).toBe(404);
    const reviewer = await signedIn("reviewer");
    expect((await call(api.review.POST, "/api/admin/reviews/abc", { method: "POST", cookie: reviewer.cookie, params: { id: "abc" }, body: { decision: "maybe" } })).status).toBe(400);
  });

  it("keeps the audit log append-only", async () => {
    await expect(db().$executeRawUnsafe(`UPDATE audit_events SET actor = 'someone else'`)).rejects.toThrow(/append-only/);
  });
});
