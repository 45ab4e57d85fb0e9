// Readers' questions through the real route handlers on a real Postgres and Meilisearch: the limits kept
// in Postgres, the honeypot, link spam, masking before storage, moderation (accept, merge, reject) with
// audit events, and the private follow link from pending to answered.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../lib/auth/roles.ts";
import { publishAnswer } from "../../lib/articles/revisions.ts";
import { readFollow } from "../../lib/asks/follow.ts";
import { SITE, siteFixture } from "../support/site.ts";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let api: { ask: { POST: Handler }; follow: { POST: Handler }; moderation: { GET: Handler }; decide: { POST: Handler }; search: { GET: Handler } };
let site: Awaited<ReturnType<typeof siteFixture>>;

beforeAll(async () => {
  site = await siteFixture();
  api = {
    ask: await import("../../app/api/questions/route.ts"),
    follow: await import("../../app/api/questions/follow/route.ts"),
    moderation: await import("../../app/api/admin/moderation/route.ts"),
    decide: await import("../../app/api/admin/moderation/[slug]/route.ts"),
    search: await import("../../app/api/search/route.ts"),
  } as unknown as typeof api;
});
afterAll(() => site.close());

const db = () => site.db();
const signedIn = (role: Role) => site.signedIn(role);
let addresses = 0;
const newAddress = () => `192.0.2.${++addresses}`;

function call(h: Handler, path: string, opts: { method?: string; cookie?: string; body?: unknown; origin?: string | null; ip?: string; params?: Record<string, string> } = {}) {
  const headers = new Headers({ "content-type": "application/json", "x-yibao-client": opts.ip ?? newAddress() });
  if (opts.cookie) headers.set("cookie", opts.cookie);
  if (opts.origin !== null) headers.set("origin", opts.origin ?? SITE);
  const req = new NextRequest(`${SITE}${path}`, { method: opts.method ?? "POST", headers, body: opts.body === undefined ? undefined : typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body) });
  return h(req, { params: Promise.resolve(opts.params ?? {}) });
}

async function ask(body: Record<string, unknown>, ip = newAddress()) {
  const res = await call(api.ask.POST, "/api/questions", { body, ip });
  return { status: res.status, data: (await res.json()) as { followUrl?: string; masked?: string[]; message?: string } };
}

const tokenOf = (followUrl: string) => followUrl.split("/").pop()!;
const askedSlug = async (followUrl: string) => {
  const v = await readFollow(db(), tokenOf(followUrl));
  if (v?.stage !== "pending") throw new Error(`not pending: ${v?.stage}`);
  return (await db().article.findFirstOrThrow({ where: { title: v.title, state: "pending" }, orderBy: { createdAt: "desc" } })).slug;
};

describe("asking", () => {
  it("stores the question as pending with personal data masked, and tells the asker", async () => {
    const r = await ask({ title: "我叫王小明，深圳职工医保住院能报多少", question: "身份证110101199003074514，电话13800138000，卡号6222020200112233445", region: "440300", insurance: "employee" });
    expect(r.status).toBe(202);
    expect(r.data.followUrl).toMatch(/^\/follow\/[A-Za-z0-9_-]{43}$/);
    expect(r.data.masked).toEqual(expect.arrayContaining(["身份证号", "银行卡号", "电话号码", "姓名"]));
    const article = await db().article.findFirstOrThrow({ where: { state: "pending", region: "440300" }, orderBy: { createdAt: "desc" } });
    expect(article.title).toBe("我叫［姓名已隐去］，深圳职工医保住院能报多少");
    const stored = JSON.stringify(await db().article.findMany()) + JSON.stringify(await db().auditEvent.findMany({ select: { data: true } }));
    for (const secret of ["王小明", "110101199003074514", "13800138000", "6222020200112233445"]) expect(stored).not.toContain(secret);
    // The token is never stored, only its hash.
    const token = tokenOf(r.data.followUrl!);
    expect(JSON.stringify((await db().questionFollow.findMany()).map((f) => f.tokenHash))).not.toContain(token);
    expect((await readFollow(db(), token))?.stage).toBe("pending");
    // Pending is not public: not on its page, not searchable.
    const res = await call(api.search.GET, `/api/search?q=${encodeURIComponent("深圳职工医保住院")}`, { method: "GET" });
    expect(((await res.json()) as { hits: { slug: string }[] }).hits.map((h) => h.slug)).not.toContain(article.slug);
  });

  it("gives twenty rapid asks from one client 429s in Chinese, and leaves other clients and search alone", async () => {
    const ip = newAddress();
    const statuses: number[] = [];
    let message = "";
    for (let i = 0; i < 20; i++) {
      const r = await ask({ title: `连续提问第${i + 1}个问题怎么办` }, ip);
      statuses.push(r.status);
      if (r.status === 429) message = r.data.message!;
    }
    expect(statuses.slice(0, 3)).toEqual([202, 202, 202]);
    expect(statuses.slice(3).every((s) => s === 429)).toBe(true);
    expect(message).toMatch(/提问太频繁了：10 分钟内最多 3 个问题/);
    expect(await db().article.count({ where: { title: { startsWith: "连续提问" } } })).toBe(3);
    // The counters are rows in Postgres, keyed by a salted hash, never the address.
    const rows = await db().publicThrottle.findMany();
    expect(rows.some((r) => r.count >= 20)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(ip);
    expect((await ask({ title: "另一个人的问题能问吗" })).status).toBe(202);
    expect((await call(api.search.GET, "/api/search?q=%E5%BC%82%E5%9C%B0%E5%B0%B1%E5%8C%BB", { method: "GET", ip })).status).toBe(200);
  });

  it("pretends to accept what a bot put in the honeypot, and stores nothing", async () => {
    const before = await db().article.count();
    const r = await ask({ title: "机器人填写的问题标题", website: "http://spam.example" });
    expect(r.status).toBe(202);
    expect(await db().article.count()).toBe(before);
    expect(await readFollow(db(), tokenOf(r.data.followUrl!))).toBeNull();
  });

  it("refuses link spam, bad lengths, bad regions, other origins and broken bodies with Chinese messages", async () => {
    const spam = await ask({ title: "医保代办加微信看 www.daiban.com" });
    expect(spam.status).toBe(400);
    expect(spam.data.message).toMatch(/网址链接/);
    expect((await ask({ title: "看 https://www.nhsa.gov.cn/ 上的规定怎么理解" })).status).toBe(202);
    const short = await ask({ title: "医保" });
    expect(short.status).toBe(400);
    expect(short.data.message).toMatch(/至少写 5 个字/);
    expect((await ask({ title: "问".repeat(61) })).data.message).toMatch(/最多 60 个字/);
    expect((await ask({ title: "正常的问题标题", question: "长".repeat(2001) })).data.message).toMatch(/最多 2000 个字/);
    expect((await ask({ title: "正常的问题标题", region: "999999" })).data.message).toMatch(/地区代码无效/);
    expect((await ask({ title: "正常的问题标题", insurance: "gold" })).status).toBe(400);
    expect((await ask({ title: 42 })).data.message).toMatch(/问题应为文字/);
    expect((await ask({ title: null, question: [] })).status).toBe(400);
    // NUL and a lone surrogate cannot be stored in Postgres text: refused, in Chinese, naming the field.
    const nul = await ask({ title: "含有\u0000空字符的问题标题", question: "\ud800半个代理对" });
    expect([nul.status, nul.data.message]).toEqual([400, expect.stringMatching(/^title含有无法保存的字符/)]);
    expect((await call(api.ask.POST, "/api/questions", { body: "{nope" })).status).toBe(400);
    expect((await call(api.ask.POST, "/api/questions", { body: { title: "来自别的网站的问题" }, origin: "https://evil.example" })).status).toBe(403);
  });
});

describe("moderation and the follow link", () => {
  it("accept → unanswered in the queue → answered, shown on the follow link; each decision audited", async () => {
    const reviewer = await signedIn("reviewer");
    const advisor = await signedIn("advisor");
    const r = await ask({ title: "毕节居民医保门诊一年能报多少钱", region: "520500" });
    const slug = await askedSlug(r.data.followUrl!);
    const list = (await (await call(api.moderation.GET, "/api/admin/moderation", { method: "GET", cookie: reviewer.cookie })).json()) as { items: { slug: string }[] };
    expect(list.items.map((i) => i.slug)).toContain(slug);
    expect((await call(api.decide.POST, `/api/admin/moderation/${slug}`, { cookie: advisor.cookie, body: { decision: "accept" }, params: { slug } })).status).toBe(403);
    const accepted = await call(api.decide.POST, `/api/admin/moderation/${slug}`, { cookie: reviewer.cookie, body: { decision: "accept" }, params: { slug } });
    expect(accepted.status).toBe(200);
    expect((await db().article.findUniqueOrThrow({ where: { slug } })).state).toBe("unanswered");
    expect(await db().auditEvent.count({ where: { action: "question.accept", actor: reviewer.userId } })).toBe(1);
    expect((await call(api.decide.POST, `/api/admin/moderation/${slug}`, { cookie: reviewer.cookie, body: { decision: "reject" }, params: { slug } })).status).toBe(409);
    expect((await readFollow(db(), tokenOf(r.data.followUrl!)))?.stage).toBe("open");
    const id = (await db().article.findUniqueOrThrow({ where: { slug } })).id;
    await publishAnswer(db(), { articleId: id, advisorId: "test-advisor", body: "毕节市居民医保普通门诊统筹年度限额 500 元。", by: advisor.userId });
    const view = await readFollow(db(), tokenOf(r.data.followUrl!));
    expect(view?.stage).toBe("answered");
    expect(view?.stage === "answered" && view.article.answers[0]?.body).toContain("500 元");
  });

  it("merge shows the existing question on the follow link; reject says so", async () => {
    const reviewer = await signedIn("reviewer");
    const target = (await db().article.findFirstOrThrow({ where: { state: "published" } })).slug;
    const a = await ask({ title: "异地就医备案到底怎么办理" });
    const slugA = await askedSlug(a.data.followUrl!);
    const bad = await call(api.decide.POST, `/api/admin/moderation/${slugA}`, { cookie: reviewer.cookie, body: { decision: "merge", into: "no-such-question" }, params: { slug: slugA } });
    expect(bad.status).toBe(400);
    expect((await call(api.decide.POST, `/api/admin/moderation/${slugA}`, { cookie: reviewer.cookie, body: { decision: "merge", into: target }, params: { slug: slugA } })).status).toBe(200);
    const merged = await readFollow(db(), tokenOf(a.data.followUrl!));
    expect(merged?.stage === "answered" && merged.merged && merged.article.slug).toBe(target);
    expect((await db().article.findUniqueOrThrow({ where: { slug: slugA } })).state).toBe("archived");
    expect(await db().auditEvent.count({ where: { action: "question.merge" } })).toBe(1);

    const b = await ask({ title: "这是一个不合适的问题内容" });
    const slugB = await askedSlug(b.data.followUrl!);
    expect((await call(api.decide.POST, `/api/admin/moderation/${slugB}`, { cookie: reviewer.cookie, body: { decision: "reject", reason: "与医保无关" }, params: { slug: slugB } })).status).toBe(200);
    const rejected = await readFollow(db(), tokenOf(b.data.followUrl!));
    expect(rejected).toMatchObject({ stage: "rejected", reason: "与医保无关" });
    expect(await db().auditEvent.count({ where: { action: "question.reject" } })).toBe(1);
  });

  it("gives a follow link for a public question", async () => {
    const slug = (await db().article.findFirstOrThrow({ where: { state: "unanswered" } })).slug;
    const res = await call(api.follow.POST, "/api/questions/follow", { body: { slug } });
    expect(res.status).toBe(201);
    const { followUrl } = (await res.json()) as { followUrl: string };
    expect((await readFollow(db(), tokenOf(followUrl)))?.stage).toBe("open");
    expect((await call(api.follow.POST, "/api/questions/follow", { body: { slug: "no-such-question" } })).status).toBe(404);
  });
});
