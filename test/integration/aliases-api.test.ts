// 相似问法 edited in the authoring app, through the real route handler against a real Postgres and
// Meilisearch: the one save path (row, audit event, outbox row that re-indexes), zod limits said in
// Chinese, Origin and role checks.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { randomUUID } from "node:crypto";
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
let api: { auth: { POST: (req: Request) => Promise<Response> }; questions: { POST: Handler }; aliases: { PUT: Handler } };

beforeAll(async () => {
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
    questions: await import("../../app/api/admin/questions/route.ts"),
    aliases: await import("../../app/api/admin/questions/[slug]/aliases/route.ts"),
  } as unknown as typeof api;
});
afterAll(async () => {
  await closeDb(databaseUrl);
  await content.cleanup();
});

const db = () => getDb(databaseUrl);
const index = () => getIndex(getSearchClient(inject("meiliUrl"), inject("meiliKey")), indexName);

const signedIn = (role: Role) => signInAs(databaseUrl, api.auth.POST, role);

function put(slug: string, body: unknown, opts: { cookie?: string; origin?: string } = {}) {
  const headers = new Headers({ "content-type": "application/json", origin: opts.origin ?? SITE });
  if (opts.cookie) headers.set("cookie", opts.cookie);
  const req = new Request(`${SITE}/api/admin/questions/${slug}/aliases`, { method: "PUT", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
  return api.aliases.PUT(req, { params: Promise.resolve({ slug }) });
}

async function newQuestion(cookie: string): Promise<string> {
  const req = new Request(`${SITE}/api/admin/questions`, { method: "POST", headers: { "content-type": "application/json", origin: SITE, cookie }, body: JSON.stringify({ title: `辞职以后医保怎么续上${randomUUID().slice(0, 4)}？`, region: "000000", insurance: ["employee"], topics: ["参保缴费"] }) });
  const res = await api.questions.POST(req, { params: Promise.resolve({}) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { slug: string }).slug;
}

describe("PUT /api/admin/questions/{slug}/aliases", () => {
  it("saves the phrasings through the save path: row, audit event, and search finds the question by them", async () => {
    const advisor = await signedIn("advisor");
    const slug = await newQuestion(advisor.cookie);
    // Trimmed, blank lines and duplicates dropped.
    const res = await put(slug, { aliases: ["  离职后医保断了怎么接着交  ", "", "离职后医保断了怎么接着交", "不上班了医保咋办甲乙丙戌"] }, { cookie: advisor.cookie });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ aliases: ["离职后医保断了怎么接着交", "不上班了医保咋办甲乙丙戌"] });
    const row = await db().article.findUniqueOrThrow({ where: { slug } });
    expect(row.aliases).toEqual(["离职后医保断了怎么接着交", "不上班了医保咋办甲乙丙戌"]);
    expect(row.searchText).toContain("甲乙丙戌");
    const audit = await db().auditEvent.findFirstOrThrow({ where: { articleId: row.id, action: "article.aliases" } });
    expect(audit).toMatchObject({ actor: advisor.userId, data: { from: [], to: ["离职后医保断了怎么接着交", "不上班了医保咋办甲乙丙戌"] } });

    await feedOnce(databaseUrl, db(), index());
    const found = await index().search("甲乙丙戌", { attributesToSearchOn: ["aliases"] });
    expect(found.hits.map((h) => h.slug)).toEqual([slug]);

    // The same list again writes nothing; an empty list removes them, and search forgets them.
    expect((await put(slug, { aliases: ["离职后医保断了怎么接着交", "不上班了医保咋办甲乙丙戌"] }, { cookie: advisor.cookie })).status).toBe(200);
    expect(await db().auditEvent.count({ where: { articleId: row.id, action: "article.aliases" } })).toBe(1);
    expect(await (await put(slug, { aliases: [] }, { cookie: advisor.cookie })).json()).toEqual({ aliases: [] });
    await feedOnce(databaseUrl, db(), index());
    expect((await index().search("甲乙丙戌", { attributesToSearchOn: ["aliases"] })).hits).toEqual([]);
  });

  it("refuses lists past the limits with Chinese messages, and changes nothing", async () => {
    const reviewer = await signedIn("reviewer");
    const slug = await newQuestion(reviewer.cookie);
    const refused = async (body: unknown, message: RegExp) => {
      const res = await put(slug, body, { cookie: reviewer.cookie });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(message);
    };
    await refused({ aliases: Array.from({ length: 21 }, (_, i) => `第${i}种问法`) }, /最多 20 条/);
    await refused({ aliases: ["好"] }, /至少 2 个字/);
    await refused({ aliases: ["长".repeat(121)] }, /不超过 120 个字/);
    await refused({ aliases: "一条问法" }, /列表/);
    await refused({ aliases: [42] }, /文字/);
    await refused({}, /相似问法/);
    await refused("{not json", /JSON/);
    expect((await db().article.findUniqueOrThrow({ where: { slug } })).aliases).toEqual([]);
  });

  it("checks session, Origin and the article", async () => {
    const advisor = await signedIn("advisor");
    const slug = await newQuestion(advisor.cookie);
    expect((await put(slug, { aliases: ["没登录也想改"] })).status).toBe(401);
    expect((await put(slug, { aliases: ["别的网站来改"] }, { cookie: advisor.cookie, origin: "https://evil.example" })).status).toBe(403);
    const missing = await put("mei-you-zhe-ge-wenti", { aliases: ["找不到的问题"] }, { cookie: advisor.cookie });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { message: string }).message).toMatch(/找不到/);
    expect((await db().article.findUniqueOrThrow({ where: { slug } })).aliases).toEqual([]);
  });
});
