// Issue 27: two people acting at once, with real parallel HTTP requests against the site started by
// `npm start` (its own Postgres and Meilisearch, the fixture content). Each case runs ROUNDS times on
// fresh questions and asserts one decision, one publish, one answer slot, and that what is live equals
// what the audit log says was decided; every loser answers 409 with a Chinese message.
import { randomUUID } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "../../lib/articles/revisions.ts";
import { createAccount } from "../../lib/authoring/accounts.ts";
import type { Role } from "../../lib/auth/roles.ts";
import { closeDb, type Db, getDb } from "../../lib/db/client.ts";
import { ASKED } from "../../lib/domain/visibility.ts";
import { freePort } from "../../lib/servers/free-port.ts";
import { FIXTURE_CONTENT } from "../support/context.ts";
import { type Command, runScript, startedRuntime, stopStarted } from "../support/process.ts";

const ROUNDS = 20;
const PASSWORD = "correct horse battery staple";
let dataDir: string;
let base: string;
let site: Command;
let db: Db;
const runtime = () => startedRuntime(dataDir)!;

type Answer = { status: number; body: Record<string, unknown> };

async function call(method: string, path: string, cookie: string, body?: unknown): Promise<Answer> {
  const r = await fetch(base + path, {
    method,
    headers: { "content-type": "application/json", origin: base, cookie },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await r.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    parsed = { text: text.slice(0, 300) };
  }
  return { status: r.status, body: parsed };
}

type Person = { cookie: string; userId: string };

async function person(role: Role, name: string): Promise<Person> {
  const email = `${role}-${randomUUID().slice(0, 8)}@example.cn`;
  const { userId } = await createAccount(db, { email, name, role, password: PASSWORD, by: "test" }, runtime().databaseUrl);
  const r = await fetch(`${base}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: base }, body: JSON.stringify({ email, password: PASSWORD }) });
  expect(r.status).toBe(200);
  return { cookie: r.headers.getSetCookie().map((c) => c.split(";")[0]).join("; "), userId };
}

/**
 * Runs a case ROUNDS times and fails with how many rounds went wrong and the first failure, so that one
 * run measures how often the race is lost rather than stopping at the first loss.
 */
async function rounds(round: (i: number) => Promise<void>) {
  const failures: unknown[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    try {
      await round(i);
    } catch (e) {
      failures.push(e);
    }
  }
  if (failures.length) {
    const first = failures[0] as Error;
    first.message = `${failures.length} of ${ROUNDS} rounds failed; the first: ${first.message}`;
    throw first;
  }
}

/** A loser is told why, in Chinese, with 409. */
function expectConflict(a: Answer) {
  expect(a.status, JSON.stringify(a.body)).toBe(409);
  expect(String(a.body.message)).toMatch(/[\u4e00-\u9fff]/);
}

let advisor: Person;
let reviewers: Person[];
let claimants: Person[];

async function newQuestion(): Promise<{ slug: string; articleId: string }> {
  const r = await call("POST", "/api/admin/questions", advisor.cookie, { title: `并发测试的问题${randomUUID().slice(0, 6)}怎么报销？`, region: "520500", insurance: ["resident"], topics: ["参保缴费"] });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const slug = r.body.slug as string;
  return { slug, articleId: (await db.article.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id };
}

/** A question with a submitted answer waiting for review. */
async function submission() {
  const q = await newQuestion();
  const saved = await call("PUT", `/api/admin/questions/${q.slug}/draft`, advisor.cookie, { body: `可以在参保地医保经办机构办理。${randomUUID()}` });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const submitted = await call("POST", `/api/admin/questions/${q.slug}/draft/submit`, advisor.cookie, { baseDraftVersion: saved.body.version });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  return { ...q, reviewId: submitted.body.reviewId as number };
}

const actions = async (articleId: string, names: string[]) =>
  (await db.auditEvent.findMany({ where: { articleId, action: { in: names } }, orderBy: { id: "asc" } })).map((e) => ({ action: e.action, actor: e.actor, data: e.data as Record<string, unknown> }));

/** After two decisions on one review at once: exactly one applied, and everything says the same. */
async function expectOneDecision(s: { articleId: string; reviewId: number }, tries: { by: Person; decision: "approve" | "request_changes" }[], answers: Answer[]) {
  const won = answers.map((a, i) => (a.status === 200 ? i : -1)).filter((i) => i >= 0);
  expect(won, JSON.stringify(answers)).toHaveLength(1);
  for (const a of answers) if (a.status !== 200) expectConflict(a);
  const winner = tries[won[0]!]!;
  const review = await db.review.findUniqueOrThrow({ where: { id: s.reviewId } });
  const article = await db.article.findUniqueOrThrow({ where: { id: s.articleId }, include: { answers: true } });
  const decided = await actions(s.articleId, ["review.approve", "review.request_changes"]);
  expect(decided, "the audit log records the one decision that won").toEqual([{ action: `review.${winner.decision}`, actor: winner.by.userId, data: expect.objectContaining({ reviewId: s.reviewId }) }]);
  expect(review.reviewerId).toBe(winner.by.userId);
  const publishes = await actions(s.articleId, ["revision.publish", "answer.publish"]);
  expect(article.answers, "one answer slot").toHaveLength(1);
  expect(await db.answerRevision.count({ where: { answerId: article.answers[0]!.id } }), "publishing made no second revision").toBe(1);
  if (winner.decision === "approve") {
    expect(String(review.status)).toBe("approved");
    expect(publishes, "published once").toHaveLength(1);
    expect(article.state).toBe("published");
    expect(article.answers[0]!.publishedRevisionId).toBe(review.revisionId);
  } else {
    expect(String(review.status)).toBe("changes_requested");
    expect(publishes, "nothing published").toHaveLength(0);
    expect(article.state).toBe("unanswered");
    expect(article.answers[0]!.publishedRevisionId).toBeNull();
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "yibao-concurrency-"));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // Every account signs in once from this one address; sign-in throttling is not what is tested here.
  site = runScript("start.ts", { DATA_DIR: dataDir, PORT: String(port), SITE_URL: base, CONTENT_DIR: FIXTURE_CONTENT, SIGN_IN_ATTEMPTS_PER_MINUTE: "1000" });
  await site.waitFor(/is running at/, 15 * 60_000);
  db = getDb(runtime().databaseUrl);
  advisor = await person("advisor", "并发顾问");
  reviewers = [await person("reviewer", "审核甲"), await person("reviewer", "审核乙")];
  claimants = [advisor];
  for (const name of ["认领甲", "认领乙", "认领丙", "认领丁"]) claimants.push(await person("advisor", name));
}, 16 * 60_000);

afterAll(async () => {
  const rt = startedRuntime(dataDir);
  if (rt) await closeDb(rt.databaseUrl);
  if (site.child.exitCode !== null) console.log(`npm start ended early:\n${site.lines.slice(-40).join("\n")}`);
  await stopStarted(site, dataDir);
});

describe("one decision per review", () => {
  const decide = (reviewId: number, by: Person, decision: "approve" | "request_changes") =>
    call("POST", `/api/admin/reviews/${reviewId}`, by.cookie, { decision, ...(decision === "request_changes" ? { comment: "请补充法律依据" } : {}) });

  it(`the same reviewer approving twice at once publishes once (${ROUNDS} rounds)`, async () => {
    await rounds(async () => {
      const s = await submission();
      const tries = [{ by: reviewers[0]!, decision: "approve" as const }, { by: reviewers[0]!, decision: "approve" as const }];
      await expectOneDecision(s, tries, await Promise.all(tries.map((t) => decide(s.reviewId, t.by, t.decision))));
    });
  });

  it(`two reviewers approving at once publish once (${ROUNDS} rounds)`, async () => {
    await rounds(async () => {
      const s = await submission();
      const tries = reviewers.map((by) => ({ by, decision: "approve" as const }));
      await expectOneDecision(s, tries, await Promise.all(tries.map((t) => decide(s.reviewId, t.by, t.decision))));
    });
  });

  it(`approve and request-changes at once: one of them, and the live answer agrees (${ROUNDS} rounds)`, async () => {
    await rounds(async (i) => {
      const s = await submission();
      const tries = [{ by: reviewers[i % 2]!, decision: "approve" as const }, { by: reviewers[(i + 1) % 2]!, decision: "request_changes" as const }];
      await expectOneDecision(s, tries, await Promise.all(tries.map((t) => decide(s.reviewId, t.by, t.decision))));
    });
  });
});

describe("one moderation decision per reader's question", () => {
  it(`accept and reject at once: one of them, and the question's state agrees (${ROUNDS} rounds)`, async () => {
    await rounds(async (i) => {
      const slug = `du-zhe-wen-ti-${randomUUID().slice(0, 8)}`;
      const { id } = await createArticle(db, {
        by: "public",
        article: { slug, title: `读者的问题${slug.slice(-8)}怎么办理？`, region: "520500", insurance: ["resident"], topics: ["参保缴费"], published: "2026-12-01", status: ASKED, related: [], citations: [], answers: [] },
      });
      await db.questionFollow.create({ data: { tokenHash: randomUUID(), articleId: id, askedArticleId: id } });
      const tries = [{ by: reviewers[i % 2]!, decision: "accept" as const }, { by: reviewers[(i + 1) % 2]!, decision: "reject" as const }];
      const answers = await Promise.all(tries.map((t) => call("POST", `/api/admin/moderation/${slug}`, t.by.cookie, { decision: t.decision, ...(t.decision === "reject" ? { reason: "重复的问题" } : {}) })));
      const won = answers.map((a, n) => (a.status === 200 ? n : -1)).filter((n) => n >= 0);
      expect(won, JSON.stringify(answers)).toHaveLength(1);
      for (const a of answers) if (a.status !== 200) expectConflict(a);
      const winner = tries[won[0]!]!;
      expect(await actions(id, ["question.accept", "question.reject", "question.merge"])).toEqual([{ action: `question.${winner.decision}`, actor: winner.by.userId, data: expect.anything() }]);
      expect(await actions(id, ["article.state"]), "one state change").toHaveLength(1);
      expect((await db.article.findUniqueOrThrow({ where: { id } })).state).toBe(winner.decision === "accept" ? "unanswered" : "archived");
      expect((await db.questionFollow.findFirstOrThrow({ where: { askedArticleId: id } })).decision).toBe(winner.decision === "accept" ? "accepted" : "rejected");
    });
  });
});

describe("one owner per claim", () => {
  it(`five advisors claiming one question at once: one owner (${ROUNDS} rounds)`, async () => {
    await rounds(async () => {
      const q = await newQuestion();
      const answers = await Promise.all(claimants.map((p) => call("POST", `/api/admin/questions/${q.slug}/claim`, p.cookie)));
      const won = answers.map((a, n) => (a.status === 200 ? n : -1)).filter((n) => n >= 0);
      expect(won, JSON.stringify(answers.map((a) => a.status))).toHaveLength(1);
      for (const a of answers) if (a.status !== 200) expectConflict(a);
      const owner = claimants[won[0]!]!;
      expect((await db.claim.findUniqueOrThrow({ where: { articleId: q.articleId } })).userId).toBe(owner.userId);
      expect(await actions(q.articleId, ["question.claim"])).toEqual([{ action: "question.claim", actor: owner.userId, data: expect.anything() }]);
    });
  });
});

describe("concurrent saves", () => {
  it(`20 autosaves at once: one answer slot, one draft, the last write kept and named (${ROUNDS} rounds)`, async () => {
    await rounds(async () => {
      const q = await newQuestion();
      const texts = Array.from({ length: 20 }, (_, n) => `第 ${n + 1} 次自动保存的解答。`);
      const answers = await Promise.all(texts.map((body) => call("PUT", `/api/admin/questions/${q.slug}/draft`, advisor.cookie, { body })));
      expect(answers.map((a) => a.status)).toEqual(texts.map(() => 200));
      const slots = await db.answer.findMany({ where: { articleId: q.articleId }, include: { drafts: true } });
      expect(slots, "one answer slot").toHaveLength(1);
      expect(slots[0]!.drafts, "one draft").toHaveLength(1);
      const versions = answers.map((a) => a.body.version as number);
      expect([...versions].sort((a, b) => a - b), "every save got its own version").toEqual(texts.map((_, n) => n + 1));
      const last = versions.indexOf(Math.max(...versions));
      expect(slots[0]!.drafts[0]!.body, "the last write wins").toBe(texts[last]);
      expect(new Set(answers.map((a) => a.body.answerId))).toEqual(new Set([slots[0]!.id]));
    });
  });

  it(`two tabs saving and then submitting: the submission carries the version it names, or 409 (${ROUNDS} rounds)`, async () => {
    await rounds(async (i) => {
      const q = await newQuestion();
      const tab = async (n: number) => {
        const body = `第 ${n} 个标签页里的解答。`;
        const saved = await call("PUT", `/api/admin/questions/${q.slug}/draft`, advisor.cookie, { body });
        expect(saved.status, JSON.stringify(saved.body)).toBe(200);
        const submitted = await call("POST", `/api/admin/questions/${q.slug}/draft/submit`, advisor.cookie, { baseDraftVersion: saved.body.version });
        return { body, submitted };
      };
      const tabs = await Promise.all([tab(1), tab(2)]);
      const ok = tabs.filter((t) => t.submitted.status === 200);
      expect(ok, JSON.stringify(tabs)).toHaveLength(1);
      for (const t of tabs) if (t.submitted.status !== 200) expectConflict(t.submitted);
      const review = await db.review.findUniqueOrThrow({ where: { id: ok[0]!.submitted.body.reviewId as number }, include: { revision: true } });
      expect(review.revision.body, "the submission is the text of the version it named").toBe(ok[0]!.body);
      expect(await db.answer.count({ where: { articleId: q.articleId } }), "one answer slot").toBe(1);
      expect(await db.review.count({ where: { articleId: q.articleId } }), "one submission").toBe(1);
    });
  });
});
