// /api/auth/* — sign-in, sign-out, sessions, password change (better-auth's standard endpoints), behind
// what every other route has: the body read against its limit before better-auth parses it, the text
// rule, the client address the web server established, and the one error shape in Chinese (better-auth
// answers `{ code, message }` in English, and 500 when Postgres is down).
import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/auth";
import { AppError } from "@/lib/domain/errors";
import { findUnstorable, TEXT_MESSAGE } from "@/lib/domain/text";
import { errorJson, errorResponse } from "@/lib/site/admin-api";
import { BODY_LIMITS, readBodyText } from "@/lib/http/body";
import { CLIENT_HEADER, clientAddress } from "@/lib/http/client";

export const dynamic = "force-dynamic";

// better-auth's codes, in the words the person signing in needs.
const MESSAGES: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: "邮箱或密码不正确。",
  INVALID_PASSWORD: "当前密码不正确。",
  INVALID_EMAIL: "邮箱地址无效。",
  PASSWORD_TOO_SHORT: "密码至少 10 个字符。",
  PASSWORD_TOO_LONG: "密码最多 128 个字符。",
  EMAIL_NOT_VERIFIED: "邮箱尚未验证。",
  UNAUTHORIZED: "请先登录。",
  SESSION_EXPIRED: "登录已过期，请重新登录。",
};
const BY_STATUS: Record<number, string> = { 400: "请求内容有误。", 401: "请先登录。", 403: "请求来源不被允许。", 404: "找不到这个地址。", 429: "尝试次数过多，请稍后再试。" };
const hasChinese = (s: unknown): s is string => typeof s === "string" && /[\u4e00-\u9fff]/.test(s);

async function inOneShape(res: Response): Promise<Response> {
  if (res.status < 400) return res;
  // 500 from better-auth is its store failing (Postgres down): an outage, not a bug of the request.
  if (res.status >= 500) return errorJson(503, "unavailable", "服务暂时不可用，请稍后再试。", {}, { "retry-after": "30" });
  const body = (await res.json().catch(() => ({}))) as { code?: unknown; message?: unknown };
  const code = typeof body.code === "string" ? body.code : "";
  const message = hasChinese(body.message) ? body.message : (MESSAGES[code] ?? BY_STATUS[res.status] ?? "请求没有成功。");
  const headers: Record<string, string> = {};
  const retry = res.headers.get("retry-after") ?? res.headers.get("x-retry-after");
  if (retry) headers["retry-after"] = retry;
  return errorJson(res.status, code ? code.toLowerCase() : res.status === 429 ? "rate_limited" : "invalid", message, {}, headers);
}

async function handler(req: Request): Promise<Response> {
  try {
    const headers = new Headers(req.headers);
    // better-auth reads the client from this header (lib/auth/auth.ts): only ever the vetted address.
    headers.set(CLIENT_HEADER, clientAddress(req.headers));
    let body: string | undefined;
    if (req.method !== "GET" && req.method !== "HEAD") {
      body = await readBodyText(req, BODY_LIMITS.auth);
      try {
        const bad = body.trim() ? findUnstorable(JSON.parse(body)) : null;
        if (bad) throw new AppError("invalid", `${bad.join(".")}${TEXT_MESSAGE}。`, [{ path: bad, message: TEXT_MESSAGE }]);
      } catch (e) {
        if (e instanceof AppError) throw e; // not JSON: better-auth says so itself
      }
      headers.delete("content-length");
    }
    return await inOneShape(await getAuth().handler(new Request(req.url, { method: req.method, headers, body })));
  } catch (e) {
    return errorResponse(e);
  }
}

export const { GET, POST } = toNextJsHandler(handler);
