// POST /api/internal/revalidate — the outbox worker tells this web server which cached pages changed.
// Not public: the caller proves it holds REVALIDATE_SECRET (compared in constant time).
import { revalidateTag } from "next/cache";
import { z } from "zod";
import { env } from "@/lib/env";
import { holdsRevalidateSecret } from "@/lib/secrets.mjs";
import { BODY_LIMITS, readBodyText } from "@/lib/http/body";

const body = z.object({ tags: z.array(z.string().min(1).max(256)).min(1).max(5000) });

export async function POST(request: Request) {
  if (!holdsRevalidateSecret(env(), request.headers.get("authorization"))) {
    return Response.json({ error: "forbidden", message: "没有权限。" }, { status: 403 });
  }
  const text = await readBodyText(request, BODY_LIMITS.revalidate).catch(() => null);
  if (text === null) return Response.json({ error: "too_large", message: "请求内容太大。" }, { status: 413 });
  const parsed = body.safeParse((() => {
    try {
      return JSON.parse(text);
    } catch {
      return null;
    }
  })());
  if (!parsed.success) return Response.json({ error: "invalid", message: "请求格式不正确。" }, { status: 400 });
  // Expired at once: the next request renders afresh instead of being served the old page once more.
  for (const tag of new Set(parsed.data.tags)) revalidateTag(tag, { expire: 0 });
  return Response.json({ revalidated: parsed.data.tags.length });
}
