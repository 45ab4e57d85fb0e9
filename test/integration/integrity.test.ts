// Issue 27, through the real route handlers on a real Postgres: nobody approves or verifies words they
// wrote, whatever the path (a restore of their revision by someone else, a figure check, a direct SQL
// write), a submission carries the draft version it names, and the last admin stays an admin.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishRevision } from "../../lib/articles/revisions.ts";
import { SITE, siteFixture } from "../support/site.ts";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let site: Awaited<ReturnType<typeof siteFixture>>;
let api: {
  questions: { POST: Handler };
  draft: { PUT: Handler };
  submit: { POST: Handler };
  review: { POST: Handler };
  restore: { POST: Handler };
  answerChecks: { POST: Handler };
  account: { POST: Handler };
};

beforeAll(async () => {
  site = await siteFixture();
  api = {
    questions: await import("../../app/api/admin/questions/route.ts"),
    draft: await import("../../app/api/admin/questions/[slug]/draft/route.ts"),
    submit: await import("../../app/api/admin/questions/[slug]/draft/submit/route.ts"),
    review: await import("../../app/api/admin/reviews/[id]/route.ts"),
    restore: await import("../../app/api/admin/revisions/[id]/restore/route.ts"),
    answerChecks: await import("../../app/api/admin/answers/[id]/checks/route.ts"),
    account: await import("../../app/api/admin/accounts/[id]/route.ts"),
  } as unknown as typeof api;
});
afterAll(() => site.close());

const db = () => site.db();

async function call(h: Handler, path: string, cookie: string, body: unknown, params: Record<string, string>) {
  const req = new Request(`${SITE}${path}`, { method: "POST", headers: { "content-type": "application/json", origin: SITE, cookie }, body: JSON.stringify(body) });
  const res = await h(req, { params: Promise.resolve(params) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const put = (slug: string, cookie: string, body: unknown) =>
  api.draft.PUT(new Request(`${SITE}/api/admin/questions/${slug}/draft`, { method: "PUT", headers: { "content-type": "application/json", origin: SITE, cookie }, body: JSON.stringify(body) }), { params: Promise.resolve({ slug }) }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));

async function newQuestion(cookie: string): Promise<string> {
  const r = await call(api.questions.POST, "/api/admin/questions", cookie, { title: `四眼原则测试${randomUUID().slice(0, 6)}怎么办？`, region: "520500", insurance: ["resident"], topics: ["参保缴费"] }, {});
  expect(r.status).toBe(201);
  return r.body.slug as string;
}

/** Writes, saves and submits an answer as `cookie`; returns the review. */
async function submit(slug: string, cookie: string, text: string) {
  const saved = await put(slug, cookie, { body: text });
  expect(saved.status).toBe(200);
  const r = await call(api.submit.POST, `/api/admin/questions/${slug}/draft/submit`, cookie, { baseDraftVersion: saved.body.version }, { slug });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.reviewId as number;
}

const decide = (id: number, cookie: string, decision = "approve") => call(api.review.POST, `/api/admin/reviews/${id}`, cookie, { decision, ...(decision === "approve" ? {} : { comment: "请修改" }) }, { id: String(id) });

const official = { outcome: "verified", title: "毕节市城乡居民医保门诊统筹待遇的通知", publisher: "毕节市医疗保障局", publishedOn: "2025-01-08", url: "https://example.gov.cn/bijie/notice", checkedOn: "2026-12-01" };

describe("four eyes on every path", () => {
  it("a restore of a reviewer's revision by someone else still counts the reviewer as its author: they cannot approve it, and the refusal is audited", async () => {
    const author = await site.signedIn("reviewer");
    const second = await site.signedIn("reviewer");
    const advisor = await site.signedIn("advisor");
    const slug = await newQuestion(author.cookie);
    // The reviewer's words are published (someone else approved them) and then replaced by the advisor's.
    expect((await decide(await submit(slug, author.cookie, "审核人自己写的第一版解答。"), second.cookie)).status).toBe(200);
    expect((await decide(await submit(slug, advisor.cookie, "顾问改写的第二版解答。"), author.cookie)).status).toBe(200);
    const first = await db().answerRevision.findFirstOrThrow({ where: { answer: { article: { slug } }, number: 1 } });
    const restored = await call(api.restore.POST, `/api/admin/revisions/${first.id}/restore`, advisor.cookie, {}, { id: String(first.id) });
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    const reviewId = restored.body.reviewId as number;

    const own = await decide(reviewId, author.cookie);
    expect(own.status).toBe(403);
    expect(String(own.body.message)).toMatch(/自己/);
    expect(await db().auditEvent.count({ where: { actor: author.userId, action: "review.own_refused", data: { path: ["reviewId"], equals: reviewId } } }), "the refusal is in the audit log").toBe(1);
    expect((await db().review.findUniqueOrThrow({ where: { id: reviewId } })).reviewerId).toBeNull();
    // Requesting changes is a decision too.
    expect((await decide(reviewId, author.cookie, "request_changes")).status).toBe(403);
    // The database says the same to code that skipped the check.
    await expect(db().$executeRawUnsafe(`UPDATE reviews SET status = 'approved', reviewer_id = $1, decided_at = now() WHERE id = $2`, author.userId, reviewId)).rejects.toThrow(/four_eyes/);
    expect((await decide(reviewId, second.cookie)).status).toBe(200);
  });

  it("the database refuses a direct insert of an approval by a writer of the revision", async () => {
    const writer = await site.signedIn("reviewer");
    const other = await site.signedIn("advisor");
    const slug = await newQuestion(writer.cookie);
    const reviewId = await submit(slug, writer.cookie, "直接写入测试的解答。");
    const { revisionId, articleId } = await db().review.findUniqueOrThrow({ where: { id: reviewId } });
    const insert = (revision: number, authorId: string, reviewerId: string) =>
      db().$executeRawUnsafe(`INSERT INTO reviews (revision_id, article_id, author_id, status, reviewer_id, decided_at) VALUES ($1, $2::uuid, $3, 'approved', $4, now())`, revision, articleId, authorId, reviewerId);
    // A second revision of the writer's, as if submitted under another account's name.
    const rev = await db().answerRevision.findUniqueOrThrow({ where: { id: revisionId } });
    const copy = await db().answerRevision.create({ data: { answerId: rev.answerId, number: rev.number + 1, advisorId: rev.advisorId, date: rev.date, body: rev.body, contentHash: rev.contentHash, createdBy: writer.userId } });
    await expect(insert(copy.id, other.userId, writer.userId)).rejects.toThrow(/four_eyes/);
    await expect(insert(copy.id, writer.userId, writer.userId)).rejects.toThrow(/four_eyes/);
    expect(await insert(copy.id, writer.userId, other.userId)).toBe(1);
  });

  it("a reviewer cannot record the figure check of an answer they wrote; another reviewer can; the database refuses it too", async () => {
    const writer = await site.signedIn("reviewer");
    const other = await site.signedIn("reviewer");
    const slug = await newQuestion(writer.cookie);
    expect((await decide(await submit(slug, writer.cookie, "门诊统筹起付线 100 元，报销比例 50%。"), other.cookie)).status).toBe(200);
    const answer = await db().answer.findFirstOrThrow({ where: { article: { slug } } });
    const own = await call(api.answerChecks.POST, `/api/admin/answers/${answer.id}/checks`, writer.cookie, official, { id: String(answer.id) });
    expect(own.status).toBe(403);
    expect(String(own.body.message)).toMatch(/自己/);
    expect(await db().auditEvent.count({ where: { actor: writer.userId, action: "answer.check_own_refused" } })).toBe(1);
    expect(await db().answerCheck.count({ where: { revisionId: answer.publishedRevisionId! } })).toBe(0);
    await expect(db().answerCheck.create({ data: { revisionId: answer.publishedRevisionId!, outcome: "unverified", note: "x", checkedOn: "2026-12-01", reviewerId: writer.userId } })).rejects.toThrow(/four_eyes/);
    expect((await call(api.answerChecks.POST, `/api/admin/answers/${answer.id}/checks`, other.cookie, official, { id: String(answer.id) })).status).toBe(201);
  });
});

describe("publishing", () => {
  it("publishes a revision once: publishing the live revision again writes nothing", async () => {
    const advisor = await site.signedIn("advisor");
    const reviewer = await site.signedIn("reviewer");
    const slug = await newQuestion(advisor.cookie);
    expect((await decide(await submit(slug, advisor.cookie, "只发布一次的解答。"), reviewer.cookie)).status).toBe(200);
    const answer = await db().answer.findFirstOrThrow({ where: { article: { slug } } });
    const traces = async () => ({
      publishes: await db().auditEvent.count({ where: { articleId: answer.articleId, action: "revision.publish" } }),
      revisions: await db().answerRevision.count({ where: { answerId: answer.id } }),
      outbox: await db().outbox.count({ where: { articleId: answer.articleId } }),
    });
    const before = await traces();
    expect(before.publishes).toBe(1);
    await publishRevision(db(), { revisionId: answer.publishedRevisionId!, by: reviewer.userId });
    expect(await traces()).toEqual(before);
  });
});

describe("a submission carries the draft version it names", () => {
  it("saves number their versions; submitting an older one is a 409 in Chinese, the newest goes through with its text", async () => {
    const advisor = await site.signedIn("advisor");
    const slug = await newQuestion(advisor.cookie);
    const one = await put(slug, advisor.cookie, { body: "第一稿。" });
    const two = await put(slug, advisor.cookie, { body: "第二稿。" });
    expect([one.body.version, two.body.version]).toEqual([1, 2]);
    const stale = await call(api.submit.POST, `/api/admin/questions/${slug}/draft/submit`, advisor.cookie, { baseDraftVersion: 1 }, { slug });
    expect(stale.status).toBe(409);
    expect(String(stale.body.message)).toMatch(/[\u4e00-\u9fff]/);
    const ok = await call(api.submit.POST, `/api/admin/questions/${slug}/draft/submit`, advisor.cookie, { baseDraftVersion: 2 }, { slug });
    expect(ok.status).toBe(200);
    const review = await db().review.findUniqueOrThrow({ where: { id: ok.body.reviewId as number }, include: { revision: true } });
    expect(review.revision.body).toBe("第二稿。");
  });
});

describe("the last admin", () => {
  it("two admins demoting each other at once always leave one admin; the database refuses the last demotion", async () => {
    const a = await site.signedIn("admin");
    const b = await site.signedIn("admin");
    for (let round = 0; round < 10; round++) {
      // Exactly these two admins at the start of each round.
      await db().$executeRawUnsafe(`UPDATE users SET role = 'admin' WHERE id IN ($1, $2)`, a.userId, b.userId);
      await db().$executeRawUnsafe(`UPDATE users SET role = 'reviewer' WHERE role = 'admin' AND id NOT IN ($1, $2)`, a.userId, b.userId);
      const answers = await Promise.all([
        call(api.account.POST, `/api/admin/accounts/${b.userId}`, a.cookie, { role: "reviewer" }, { id: b.userId }),
        call(api.account.POST, `/api/admin/accounts/${a.userId}`, b.cookie, { role: "reviewer" }, { id: a.userId }),
      ]);
      expect(await db().user.count({ where: { role: "admin" } }), JSON.stringify(answers)).toBe(1);
      // The loser is refused as the last admin (409), or, when the winner committed first, is no admin any more (403).
      const statuses = answers.map((r) => r.status).sort();
      expect(statuses[0], JSON.stringify(answers)).toBe(200);
      expect([403, 409]).toContain(statuses[1]);
      for (const r of answers) if (r.status === 409) expect(String(r.body.message)).toMatch(/管理员/);
    }
    await expect(db().$executeRawUnsafe(`UPDATE users SET role = 'advisor' WHERE role = 'admin'`)).rejects.toThrow(/admin/);
    await expect(db().$executeRawUnsafe(`DELETE FROM users WHERE role = 'admin'`)).rejects.toThrow(/admin/);
    expect(await db().user.count({ where: { role: "admin" } })).toBe(1);
  });
});
