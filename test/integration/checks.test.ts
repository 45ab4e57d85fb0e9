// A reviewer checks figures against the official document through the real route handlers: a policy's
// (the check shows wherever the policy is read — the calculators' API — and lapses when the file's
// figures change) and a published answer's (shown with the answer until a new revision is published).
// Refused to advisors and without a source; the history cannot be edited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { inject } from "vitest";
import type { Role } from "../../lib/auth/roles.ts";
import { createArticle, publishAnswer } from "../../lib/articles/revisions.ts";
import { getPublicArticle } from "../../lib/articles/read.ts";
import { uncheckedAnswers } from "../../lib/articles/stale.ts";
import { ingestContent } from "../../lib/content/ingest.ts";
import { closeDb, getDb } from "../../lib/db/client.ts";
import { ensureIndex, getIndex, getSearchClient } from "../../lib/search/client.ts";
import { SHIPPED_POLICY_DIR } from "../../lib/calculators/policies/shipped-policies.ts";
import { copyContent, FIXTURE_CONTENT, freshDatabase } from "../support/context.ts";
import { signedIn as signInAs } from "../support/sign-in.ts";
import { pageExpiry } from "../../lib/site/admin-api.ts";

const SITE = "http://localhost:3000";
const POLICY = "520500-2025-resident-outpatient";
const indexName = `t_${randomUUID().slice(0, 8)}`;
const ADVISOR = "test-advisor";
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let databaseUrl: string;
let content: Awaited<ReturnType<typeof copyContent>>;
let api: { auth: { POST: (req: Request) => Promise<Response> }; checks: { GET: Handler; POST: Handler }; answerChecks: { POST: Handler }; policies: { GET: (req: Request) => Promise<Response> } };

beforeAll(async () => {
  databaseUrl = await freshDatabase();
  content = await copyContent(FIXTURE_CONTENT);
  await mkdir(join(content.dir, "policies"));
  await cp(join(SHIPPED_POLICY_DIR, `${POLICY}.yaml`), join(content.dir, "policies", `${POLICY}.yaml`));
  Object.assign(process.env, { DATABASE_URL: databaseUrl, CONTENT_DIR: content.dir, SITE_URL: SITE, BETTER_AUTH_SECRET: randomUUID() + randomUUID(), MEILI_URL: inject("meiliUrl"), MEILI_MASTER_KEY: inject("meiliKey"), MEILI_INDEX: indexName });
  // The advisors the answers are attributed to come in through the file channel.
  const client = getSearchClient(inject("meiliUrl"), inject("meiliKey"));
  await ensureIndex(client, indexName);
  await ingestContent({ contentDir: content.dir, databaseUrl, index: getIndex(client, indexName) });
  // Page expiry after writes is test/integration/page-expiry.test.ts's subject; here it would post to whatever listens on port 3000.
  pageExpiry.expire = async () => {};
  api = {
    auth: await import("../../app/api/auth/[...all]/route.ts"),
    checks: await import("../../app/api/admin/policies/[id]/checks/route.ts"),
    answerChecks: await import("../../app/api/admin/answers/[id]/checks/route.ts"),
    policies: await import("../../app/api/calculators/policies/route.ts"),
  } as unknown as typeof api;
});
afterAll(async () => {
  await closeDb(databaseUrl);
  await content.cleanup();
});

const db = () => getDb(databaseUrl);
const signedIn = (role: Role) => signInAs(databaseUrl, api.auth.POST, role, `核实${role}`);

function check(cookie: string, body: unknown, policy = POLICY) {
  return api.checks.POST(
    new Request(`${SITE}/api/admin/policies/${policy}/checks`, { method: "POST", headers: { "content-type": "application/json", origin: SITE, cookie }, body: JSON.stringify(body) }),
    { params: Promise.resolve({ id: policy }) },
  );
}

async function shownPolicy() {
  const res = await api.policies.GET(new Request(`${SITE}/api/calculators/policies?region=520500`));
  expect(res.status).toBe(200);
  const body = (await res.json()) as { policies: { id: string; status: { verification: string }; sources: { title: string; status: string }[] }[] };
  return body.policies.find((p) => p.id === POLICY)!;
}

const official = { outcome: "verified", title: "毕节市城乡居民医保门诊统筹待遇的通知", publisher: "毕节市医疗保障局", number: "毕医保发〔2025〕3号", publishedOn: "2025-01-08", url: "https://example.gov.cn/bijie/notice", checkedOn: "2026-12-01" };

describe("policy checks", () => {
  it("a reviewer's check makes the official document the verified source, with an audit event", async () => {
    expect((await shownPolicy()).status.verification).toBe("unverified");
    const reviewer = await signedIn("reviewer");
    const res = await check(reviewer.cookie, official);
    expect(res.status).toBe(201);
    const shown = await shownPolicy();
    expect(shown.status.verification).toBe("verified");
    expect(shown.sources[0]).toMatchObject({ title: official.title, status: "verified" });
    expect(await db().auditEvent.count({ where: { actor: reviewer.userId, action: "policy.check" } })).toBe(1);
  });

  it("refuses advisors, unknown policies and a verified mark without its source, naming the field", async () => {
    const advisor = await signedIn("advisor");
    expect((await check(advisor.cookie, official)).status).toBe(403);
    const reviewer = await signedIn("reviewer");
    expect((await check(reviewer.cookie, official, "999999-2025-resident-outpatient")).status).toBe(404);
    const missing = await check(reviewer.cookie, { ...official, url: "" });
    expect(missing.status).toBe(400);
    const body = (await missing.json()) as { message: string; fields: { path: string[] }[] };
    expect(body.message).toMatch(/官方网址/);
    expect(body.fields.map((f) => f.path[0])).toEqual(["url"]);
    expect((await check(reviewer.cookie, { outcome: "unverified" })).status).toBe(400);
    expect((await check(reviewer.cookie, { ...official, checkedOn: "2999-01-01" })).status).toBe(400);
  });

  it("keeps the history: a check row cannot be edited, and the database refuses a verified row without a source", async () => {
    const row = await db().policyCheck.findFirstOrThrow({ where: { policyId: POLICY } });
    await expect(db().policyCheck.update({ where: { id: row.id }, data: { outcome: "illustrative" } })).rejects.toThrow(/append-only/);
    await expect(db().policyCheck.create({ data: { policyId: POLICY, figures: "{}", outcome: "verified", checkedOn: "2026-12-01", reviewerId: "x" } })).rejects.toThrow(/policy_checks_verified_has_source/);
  });

  it("the newest check applies, and the history lists every one", async () => {
    const reviewer = await signedIn("reviewer");
    expect((await check(reviewer.cookie, { outcome: "unverified", note: "门诊年度限额与文件不符" })).status).toBe(201);
    expect((await shownPolicy()).status.verification).toBe("unverified");
    const res = await api.checks.GET(new Request(`${SITE}/api/admin/policies/${POLICY}/checks`, { headers: { cookie: reviewer.cookie } }), { params: Promise.resolve({ id: POLICY }) });
    const { checks } = (await res.json()) as { checks: { outcome: string; checkedBy: string }[] };
    expect(checks.map((c) => c.outcome).slice(0, 2)).toEqual(["unverified", "verified"]);
    expect(checks[0]!.checkedBy).toBe("核实reviewer");
  });
});

describe("a check of figures that later change", () => {
  it("lapses: the policy shows its file's status again", async () => {
    const reviewer = await signedIn("reviewer");
    expect((await check(reviewer.cookie, official)).status).toBe(201);
    expect((await shownPolicy()).status.verification).toBe("verified");
    // The file is edited (a new figure) and the server reloads it, as after a deploy.
    const file = join(content.dir, "policies", `${POLICY}.yaml`);
    await writeFile(file, (await readFile(file, "utf8")).replace("amount: 500", "amount: 600"));
    const { applyCheck } = await import("../../lib/calculators/engine/policy-checks.ts");
    const { loadPolicies } = await import("../../lib/calculators/policies/load-policies.ts");
    const { latestChecks } = await import("../../lib/calculators/policies/checks.ts");
    const edited = (await loadPolicies(join(content.dir, "policies"))).find((p) => p.id === POLICY)!;
    const shown = applyCheck(edited, (await latestChecks(db())).get(POLICY));
    expect(shown.checked?.lapsed).toBe(true);
    expect(shown.sources[0]!.status).toBe("unverified");
  });
});

describe("answer checks", () => {
  async function answered(body: string) {
    const slug = `check-${randomUUID().slice(0, 8)}`;
    const { id: articleId } = await createArticle(db(), {
      by: "test",
      article: { slug, title: `毕节居民门诊统筹一年能报多少（${slug}）？`, region: "520500", insurance: ["resident"], topics: ["门诊统筹"], year: 2026, published: "2026-12-01", status: "unanswered", related: [], citations: [], answers: [] },
    });
    await publishAnswer(db(), { articleId, advisorId: ADVISOR, body, by: "test" });
    const article = (await getPublicArticle(db(), slug))!;
    return { slug, articleId, answerId: article.answerMeta[0]!.answerId };
  }
  const post = (cookie: string, answerId: number | string, body: unknown) =>
    api.answerChecks.POST(
      new Request(`${SITE}/api/admin/answers/${answerId}/checks`, { method: "POST", headers: { "content-type": "application/json", origin: SITE, cookie }, body: JSON.stringify(body) }),
      { params: Promise.resolve({ id: String(answerId) }) },
    );

  it("shows a reviewer's check with the answer until a new revision is published", async () => {
    const { slug, articleId, answerId } = await answered("门诊统筹基金每年最多支付500元。");
    const worklist = async () => (await uncheckedAnswers(db(), "2026-12-02")).map((a) => a.slug);
    expect(await worklist()).toContain(slug);
    const reviewer = await signedIn("reviewer");
    const { outcome: _o, ...source } = official;
    const res = await post(reviewer.cookie, answerId, { outcome: "verified", ...source });
    expect(res.status).toBe(201);
    const check = (await getPublicArticle(db(), slug))!.answerMeta[0]!.check;
    expect(check).toMatchObject({ outcome: "verified", on: "2026-12-01", source: { title: official.title, number: official.number, url: official.url } });
    expect(await db().auditEvent.count({ where: { articleId, action: "answer.check" } })).toBe(1);
    expect(await worklist()).not.toContain(slug);
    await publishAnswer(db(), { articleId, advisorId: ADVISOR, body: "门诊统筹基金每年最多支付600元。", by: "test", position: 1 });
    expect((await getPublicArticle(db(), slug))!.answerMeta[0]!.check).toBeNull();
    expect(await worklist()).toContain(slug);
  });

  it("refuses advisors, illustrative answers, unknown answers and a verified mark without its source", async () => {
    const { answerId } = await answered("住院起付线为每次300元。");
    const advisor = await signedIn("advisor");
    expect((await post(advisor.cookie, answerId, official)).status).toBe(403);
    const reviewer = await signedIn("reviewer");
    const illustrative = await post(reviewer.cookie, answerId, { outcome: "illustrative" });
    expect(illustrative.status).toBe(400);
    expect(((await illustrative.json()) as { message: string }).message).toMatch(/示意数据/);
    expect((await post(reviewer.cookie, 99_999_999, official)).status).toBe(404);
    expect((await post(reviewer.cookie, "abc", official)).status).toBe(404);
    expect((await post(reviewer.cookie, answerId, { outcome: "verified" })).status).toBe(400);
    expect(await db().answerCheck.count({ where: { revision: { answerId } } })).toBe(0);
  });
});
