// Request bodies are read against a limit of their route before anything parses them: a declared
// Content-Length past the limit is refused without reading a byte, and a body without one (chunked) is
// counted while it streams and dropped the moment it passes the limit. Four anonymous 40 MB bodies once
// raised the server's memory by 200 MB before a length check saw them. The limits are documented in
// docs/API.md (a test reads them there and sends each route its limit and one byte more), and the web
// server refuses anything past the largest of them before Next sees it (scripts/web-server/http.mjs).
import { AppError } from "../domain/errors.ts";

const KB = 1024;

/** The bytes of a draft: its documented 200,000 characters at up to 3 bytes each in UTF-8 (Chinese text), plus 64 KB for citations and JSON. */
export const DRAFT_BODY_BYTES = 200_000 * 3 + 64 * KB;

export const BODY_LIMITS = {
  /** POST /api/questions: a title of 60 and a description of 2,000 characters. */
  ask: 16 * KB,
  /** POST /api/questions/follow, POST /api/search/click. */
  small: 2 * KB,
  /** POST /api/auth/* (sign-in, change-password: e-mail and passwords of at most 128 characters). */
  auth: 4 * KB,
  /** POST /api/calculators/estimate. */
  estimate: 16 * KB,
  /** PUT …/draft, POST /api/admin/preview. */
  draft: DRAFT_BODY_BYTES,
  /** Every other authoring write. */
  admin: 64 * KB,
  /** POST /api/internal/revalidate (the worker's list of changed pages; after its secret is checked). */
  revalidate: 1024 * KB,
} as const;

export function tooLarge(maxBytes: number): AppError {
  const size = maxBytes >= 10 * KB ? `${Math.round(maxBytes / KB)} KB` : `${maxBytes} 字节`;
  return new AppError("too_large", `请求内容太大（上限 ${size}），请缩短后再试。`);
}

/** The body as UTF-8 text, or AppError too_large (413) / invalid (400, not UTF-8). */
export async function readBodyText(req: Request, maxBytes: number): Promise<string> {
  const declared = req.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= maxBytes)) throw tooLarge(maxBytes);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // What is left is never read into memory: the stream is cancelled and the server discards it.
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("invalid", "请求内容不是有效的 UTF-8 文字。");
  }
}
