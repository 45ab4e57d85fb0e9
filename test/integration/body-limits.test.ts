// The body limits documented in docs/API.md are the real ones: each route is sent a body of exactly its
// documented limit (not refused for size) and one byte more (413 in Chinese), streamed without a
// Content-Length as a chunked upload is; and a draft of 199,999 Chinese characters is saved.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SITE, siteFixture } from "../support/site.ts";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let site: Awaited<ReturnType<typeof siteFixture>>;
let advisor: string;
const SLUG = "yidi-beian";

// The table of docs/API.md: route → bytes.
const documented = new Map(
  [...readFileSync(join(import.meta.dirname, "../../docs/API.md"), "utf8").matchAll(/^\| `([^`]+)`(?: \(|[^|]*)?\| (\d+) \|$/gm)].map((m) => [m[1]!, Number(m[2])]),
);

const routes: { doc: string; method: string; path: string; file: string; params?: Record<string, string>; session?: boolean }[] = [
  { doc: "POST /api/questions", method: "POST", path: "/api/questions", file: "questions/route.ts" },
  { doc: "POST /api/questions/follow", method: "POST", path: "/api/questions/follow", file: "questions/follow/route.ts" },
  { doc: "POST /api/search/click", method: "POST", path: "/api/search/click", file: "search/click/route.ts" },
  { doc: "POST /api/calculators/estimate", method: "POST", path: "/api/calculators/estimate", file: "calculators/estimate/route.ts" },
  { doc: "POST /api/auth/*", method: "POST", path: "/api/auth/sign-in/email", file: "auth/[...all]/route.ts" },
  { doc: "PUT /api/admin/questions/{slug}/draft", method: "PUT", path: `/api/admin/questions/${SLUG}/draft`, file: "admin/questions/[slug]/draft/route.ts", params: { slug: SLUG }, session: true },
  { doc: "POST /api/admin/preview", method: "POST", path: "/api/admin/preview", file: "admin/preview/route.ts", session: true },
  { doc: "POST /api/admin/*", method: "POST", path: "/api/admin/questions", file: "admin/questions/route.ts", session: true },
];

beforeAll(async () => {
  site = await siteFixture();
  advisor = (await site.signedIn("advisor")).cookie;
});
afterAll(() => site.close());

/** A JSON-looking body of exactly `bytes` bytes, streamed (no Content-Length). */
function body(bytes: number): ReadableStream<Uint8Array> {
  const text = `{"x":"${"a".repeat(bytes - 8)}"}`;
  const all = new TextEncoder().encode(text);
  expect(all.byteLength).toBe(bytes);
  return new ReadableStream({
    start(c) {
      for (let i = 0; i < all.byteLength; i += 16_384) c.enqueue(all.subarray(i, i + 16_384));
      c.close();
    },
  });
}

async function send(r: (typeof routes)[number], payload: BodyInit, headers: Record<string, string> = {}) {
  const { POST, PUT } = (await import(`../../app/api/${r.file}`)) as { POST?: Handler; PUT?: Handler };
  const handler = (r.method === "PUT" ? PUT : POST)!;
  const req = new Request(`${SITE}${r.path}`, {
    method: r.method,
    headers: { "content-type": "application/json", origin: SITE, "x-yibao-client": "198.51.100.77", ...(r.session ? { cookie: advisor } : {}), ...headers },
    body: payload,
    duplex: "half",
  } as RequestInit);
  return handler(req, { params: Promise.resolve(r.params ?? {}) });
}

describe("body limits", () => {
  it("documents a limit for every route tested here", () => {
    for (const r of routes) expect([...documented.keys()].some((k) => k.startsWith(r.doc)), r.doc).toBe(true);
  });

  it.each(routes)("$doc takes its documented limit and refuses one byte more with 413", async (r) => {
    const limit = [...documented.entries()].find(([k]) => k.startsWith(r.doc))![1];
    const atLimit = await send(r, body(limit));
    expect(atLimit.status, await atLimit.clone().text()).not.toBe(413);
    const over = await send(r, body(limit + 1));
    expect(over.status).toBe(413);
    const json = (await over.json()) as { error: string; message: string };
    expect(json.error).toMatch(/too_large/);
    expect(json.message).toMatch(/[\u4e00-\u9fff]/);
    // Declared too large: refused from the header alone (the body here is tiny).
    expect((await send(r, "{}", { "content-length": String(limit + 1) })).status).toBe(413);
  });

  it("saves a draft of 199,999 Chinese characters (the documented maximum is 200,000)", async () => {
    const r = routes.find((x) => x.method === "PUT")!;
    const draft = "报".repeat(199_999);
    const res = await send(r, JSON.stringify({ body: draft }));
    expect(res.status, (await res.clone().text()).slice(0, 200)).toBe(200);
    const over = await send(r, JSON.stringify({ body: `${draft}报报` }));
    expect([over.status, ((await over.json()) as { message: string }).message]).toEqual([400, expect.stringContaining("20 万字符")]);
  });
});
