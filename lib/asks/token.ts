// Follow-link tokens: 32 random bytes in the link, only their sha256 in the database, so a copy of the
// database opens no one's question.
import { createHash, createHmac, randomBytes } from "node:crypto";
import { serverSecret } from "../privacy/server-secret.ts";

export function newFollowToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The follow token of a reader's question, derived from its ask key and time with a server secret, so
 * that the same question sent again within minutes can be given the same link without the link ever
 * being stored: the database holds the key and the time, not the secret (BETTER_AUTH_SECRET, the same on
 * every instance), so a copy of it still opens no one's question.
 */
export function askFollowToken(askKey: string, createdAt: Date): string {
  return createHmac("sha256", serverSecret()).update(`follow\0${askKey}\0${createdAt.getTime()}`).digest("base64url");
}
