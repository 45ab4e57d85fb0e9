// Query ids that only this server can issue: a click beacon (POST /api/search/click) is recorded only for
// an id a search or the suggestion box handed out in the last day, so made-up ids cannot poison the
// click-through figures. The id stays a UUID (version 8, "custom"): 48 bits of issue time, 28 random
// bits, and 48 bits of an HMAC of the rest under the server secret. Checked without a database lookup
// (the search log is written in batches, so a fast click can arrive before its search row).
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { serverSecret } from "../privacy/server-secret.ts";

/** How long after its search a click still counts. */
export const QUERY_ID_MAX_AGE_MS = 24 * 60 * 60_000;

const mac = (head: Buffer) => createHmac("sha256", serverSecret()).update("query-id\0").update(head).digest().subarray(0, 6);

function format(bytes: Buffer): string {
  const h = bytes.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function newQueryId(now = Date.now()): string {
  const bytes = Buffer.alloc(16);
  bytes.writeUIntBE(now, 0, 6);
  randomBytes(4).copy(bytes, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  mac(bytes.subarray(0, 10)).copy(bytes, 10);
  return format(bytes);
}

/** Whether this server issued `id` within QUERY_ID_MAX_AGE_MS (and not in the future). */
export function isIssuedQueryId(id: string, now = Date.now()): boolean {
  const hex = id.replace(/-/g, "");
  if (!/^[0-9a-f]{32}$/i.test(hex)) return false;
  const bytes = Buffer.from(hex, "hex");
  const issued = bytes.readUIntBE(0, 6);
  if (issued > now + 60_000 || now - issued > QUERY_ID_MAX_AGE_MS) return false;
  return timingSafeEqual(mac(bytes.subarray(0, 10)), bytes.subarray(10));
}
