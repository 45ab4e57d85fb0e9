// Follow-link tokens: 32 random bytes in the link, only their sha256 in the database, so a copy of the
// database opens no one's question.
import { createHash, randomBytes } from "node:crypto";

export function newFollowToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;
