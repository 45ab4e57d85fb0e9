// The transport of the authoring JSON API: every route handler under app/api/admin goes through
// `adminRoute`, which checks Origin on writes (route handlers have no CSRF protection of their own),
// the session and the permission (lib/auth/roles.ts) on the server, reads the body against its route's
// limit (lib/http/body.ts) and parses it with its zod schema (400 naming the field), and turns a domain
// AppError into its status. Nothing here answers 500 for bad input, and every error has one shape:
// `{ error: <code>, message: <Chinese>, fields?: [{ path, message }] }` (docs/API.md). A write's result
// says what it changed (lib/domain/changes.ts); the transport expires exactly those pages on every web
// server before it answers, so no route decides what to expire.
import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { type Permission, PERMISSIONS } from "../auth/roles.ts";
import { type Editor, requireEditor } from "../authoring/session.ts";
import { isDatabaseUnavailable } from "../db/availability.ts";
import { isBadValue, isUniqueViolation } from "../db/errors.ts";
import { AppError, type AppErrorCode } from "../domain/errors.ts";
import { findUnstorable, isStorableText, TEXT_MESSAGE } from "../domain/text.ts";
import { env } from "../env.ts";
import { trustedOrigins } from "../auth/origins.ts";
import type { Changed } from "../domain/changes.ts";
import { changedTags } from "../outbox/page-tags.ts";
import { expireEverywhere } from "./page-cache.ts";
import { BODY_LIMITS, readBodyText, tooLarge } from "../http/body.ts";

export const STATUS: Record<AppErrorCode, number> = { invalid: 400, unauthenticated: 401, forbidden: 403, not_found: 404, conflict: 409, too_large: 413, rate_limited: 429, unavailable: 503 };

/** The one error shape of every route. */
export function errorJson(status: number, code: string, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return NextResponse.json({ error: code, message, ...extra }, { status, headers });
}

/** An error thrown while answering a request, as its response: bad input is 4xx, an outage 503. */
export function errorResponse(e: unknown) {
  if (e instanceof AppError) {
    const retry = e.retryAfter ?? (e.code === "unavailable" ? 30 : undefined);
    return errorJson(STATUS[e.code], e.code, e.message, { ...(e.issues.length ? { fields: e.issues } : {}), ...(e.details ?? {}) }, retry ? { "retry-after": String(retry) } : {});
  }
  // A write that lost a race for a unique key (two same-titled questions at once): try again.
  if (isUniqueViolation(e)) return errorJson(409, "conflict", "同时有另一项修改使用了相同的地址或名称，请重试。");
  // A value the database cannot hold that a schema let through: the request's fault, not the server's.
  if (isBadValue(e)) return errorJson(400, "invalid", "请求中有超出范围或无法保存的值。");
  if (!isDatabaseUnavailable(e)) console.error("api:", e);
  return errorJson(503, "unavailable", "服务暂时不可用，请稍后再试。", {}, { "retry-after": "30" });
}

/** A write from another site (a form or script on a page elsewhere, riding on the session cookie) is refused. */
export function sameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (!origin) return req.headers.get("sec-fetch-site") !== "cross-site";
  return trustedOrigins(env().siteUrl).includes(origin) || origin === new URL(req.url).origin;
}

type Ctx<P> = { params: Promise<P> };

export function adminRoute<S extends z.ZodType | undefined, P = Record<string, string>>(
  opts: { action: Permission; body?: S; maxBytes?: number },
  handler: (args: { req: Request; editor: Editor; body: S extends z.ZodType ? z.infer<S> : undefined; params: P }) => Promise<unknown>,
  status = 200,
) {
  return async (req: Request, ctx: Ctx<P>) => {
    try {
      if (req.method !== "GET" && !sameOrigin(req)) throw new AppError("forbidden", "请求来源不被允许。");
      const params = ((await ctx?.params) ?? {}) as P;
      // A path segment Postgres cannot store names nothing there is.
      if (Object.values(params as Record<string, unknown>).some((v) => typeof v === "string" && !isStorableText(v))) throw new AppError("not_found", "找不到这个地址。");
      const limit = opts.maxBytes ?? BODY_LIMITS.admin;
      // Refused from its declared length before the session lookup: an anonymous 40 MB body costs nothing.
      if (opts.body && Number(req.headers.get("content-length") ?? 0) > limit) throw tooLarge(limit);
      const editor = await requireEditor(req.headers, PERMISSIONS[opts.action], opts.action);
      const body = opts.body ? await parseBody(req, opts.body, limit) : undefined;
      const result = await expireChanged(await handler({ req, editor, body: body as never, params }));
      // A handler that answers with something other than JSON (a CSV export) builds its own response.
      return result instanceof Response ? result : NextResponse.json(result, { status });
    } catch (e) {
      return errorResponse(e);
    }
  };
}

/** Where the tags of a write's changes go: every web server's page cache (tests look at them here). */
export const pageExpiry = { expire: (tags: string[]): Promise<void> => expireEverywhere(tags) };

/** Expires what a handler's result says it changed, and answers without that report. */
async function expireChanged(result: unknown): Promise<unknown> {
  if (!result || typeof result !== "object" || !("changed" in result)) return result;
  const { changed, ...rest } = result as { changed: Changed };
  const tags = changedTags(changed);
  if (tags.length) await pageExpiry.expire(tags);
  return rest;
}

/** The request's JSON body through its schema, read against `maxBytes`; 413 or 400 naming the field otherwise. */
export async function parseBody<S extends z.ZodType>(req: Request, schema: S, maxBytes: number = BODY_LIMITS.admin): Promise<z.infer<S>> {
  const text = await readBodyText(req, maxBytes);
  let raw: unknown = undefined;
  if (text.trim()) {
    try {
      raw = JSON.parse(text);
    } catch {
      throw new AppError("invalid", "请求体不是有效的 JSON。");
    }
  }
  // Every text of the body through one rule, whatever the schema of the route says about it.
  const bad = findUnstorable(raw);
  if (bad) throw new AppError("invalid", `${bad.join(".") || "请求体"}${TEXT_MESSAGE}。`, [{ path: bad, message: TEXT_MESSAGE }]);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError("invalid", `请求内容有误：${parsed.error.issues.map((i) => `${i.path.join(".") || "请求体"}：${i.message}`).join("；")}`, parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)), message: i.message })));
  }
  return parsed.data;
}

/**
 * The same transport for the few public writes (asking a question, a click beacon): Origin checked,
 * body parsed, AppError mapped — without a session.
 */
export function publicRoute<S extends z.ZodType>(
  opts: { body: S; maxBytes: number },
  handler: (args: { req: Request; body: z.infer<S> }) => Promise<unknown>,
  status = 200,
) {
  return async (req: Request) => {
    try {
      if (!sameOrigin(req)) throw new AppError("forbidden", "请求来源不被允许。");
      const body = await parseBody(req, opts.body, opts.maxBytes);
      return NextResponse.json(await handler({ req, body }), { status });
    } catch (e) {
      return errorResponse(e);
    }
  };
}
