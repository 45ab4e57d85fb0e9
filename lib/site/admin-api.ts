// The transport of the authoring JSON API: every route handler under app/api/admin goes through
// `adminRoute`, which checks Origin on writes (route handlers have no CSRF protection of their own),
// the session and the role on the server, parses the body with its zod schema (400 naming the field),
// and turns a domain AppError into its status. Nothing here answers 500 for bad input.
import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import type { Role } from "../auth/roles.ts";
import { type Editor, requireEditor } from "../authoring/session.ts";
import { AppError, type AppErrorCode } from "../domain/errors.ts";
import { env } from "../env.ts";
import { trustedOrigins } from "../auth/origins.ts";

const STATUS: Record<AppErrorCode, number> = { invalid: 400, unauthenticated: 401, forbidden: 403, not_found: 404, conflict: 409 };

export function errorResponse(e: unknown) {
  if (e instanceof AppError) {
    return NextResponse.json({ error: e.code, message: e.message, ...(e.issues.length ? { fields: e.issues } : {}), ...(e.details ?? {}) }, { status: STATUS[e.code] });
  }
  console.error("admin api:", e);
  return NextResponse.json({ error: "unavailable", message: "服务暂时不可用，请稍后再试。" }, { status: 503 });
}

/** A write from another site (a form or script on a page elsewhere, riding on the session cookie) is refused. */
export function sameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (!origin) return req.headers.get("sec-fetch-site") !== "cross-site";
  return trustedOrigins(env().siteUrl).includes(origin) || origin === new URL(req.url).origin;
}

type Ctx<P> = { params: Promise<P> };

export function adminRoute<S extends z.ZodType | undefined, P = Record<string, string>>(
  opts: { role: Role; body?: S; action: string },
  handler: (args: { req: Request; editor: Editor; body: S extends z.ZodType ? z.infer<S> : undefined; params: P }) => Promise<unknown>,
  status = 200,
) {
  return async (req: Request, ctx: Ctx<P>) => {
    try {
      if (req.method !== "GET" && !sameOrigin(req)) throw new AppError("forbidden", "请求来源不被允许。");
      const editor = await requireEditor(req.headers, opts.role, opts.action);
      let body: unknown = undefined;
      if (opts.body) {
        const text = await req.text();
        let raw: unknown = undefined;
        if (text.trim()) {
          try {
            raw = JSON.parse(text);
          } catch {
            throw new AppError("invalid", "请求体不是有效的 JSON。");
          }
        }
        const parsed = opts.body.safeParse(raw);
        if (!parsed.success) {
          throw new AppError("invalid", `请求内容有误：${parsed.error.issues.map((i) => `${i.path.join(".") || "请求体"}：${i.message}`).join("；")}`, parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)), message: i.message })));
        }
        body = parsed.data;
      }
      const result = await handler({ req, editor, body: body as never, params: ((await ctx?.params) ?? {}) as P });
      return NextResponse.json(result, { status });
    } catch (e) {
      return errorResponse(e);
    }
  };
}
