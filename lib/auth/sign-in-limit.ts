// Sign-in limited per account as well as per client, by a delay that grows with the failures, never a
// lockout: better-auth's own limit counts attempts per client address (SIGN_IN_ATTEMPTS_PER_MINUTE), which
// a guesser with many addresses walks around, and a lockout per account would let anyone shut its owner
// out. So each failure makes the next attempt on the account wait a little longer — from any client, at
// most ACCOUNT_MAX_WAIT_S — and the client that keeps failing waits far longer (up to a quarter hour).
// An attempt refused for waiting is not a failure, so it does not lengthen the wait: the owner, from a new
// client, gets in after at most half a minute without a captcha. Stored in Postgres (every instance sees
// the same failures) as hashes of the e-mail and the client, never either as such.
import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "../db/client.ts";
import { clientHash } from "../privacy/client-hash.ts";

const WINDOW_MS = 15 * 60_000;
/** Failures on one account (any client) that cost nothing; each further one doubles the wait. */
const ACCOUNT_FREE = 5;
const ACCOUNT_MAX_WAIT_S = 30;
/** The same for one client on one account. */
const CLIENT_FREE = 3;
const CLIENT_MAX_WAIT_S = 15 * 60;

/** Seconds to wait after the last of `failures`, `free` of which cost nothing. */
export function waitSeconds(failures: number, free: number, max: number): number {
  return failures < free ? 0 : Math.min(max, 2 ** (failures - free));
}

const accountKey = (email: string) => createHash("sha256").update("sign-in\0").update(email.trim().toLowerCase()).digest("hex").slice(0, 32);

type Counts = { total: number; last: Date | null; mine: number; myLast: Date | null };

/** Seconds before this client may try this account again; 0 when it may now. */
export async function signInWait(db: Db, email: string, address: string, now = Date.now()): Promise<number> {
  const client = await clientHash(db, address);
  const [c] = await db.$queryRawUnsafe<Counts[]>(
    `SELECT count(*)::int AS total, max(created_at) AS last,
            (count(*) FILTER (WHERE client = $2))::int AS mine, max(created_at) FILTER (WHERE client = $2) AS "myLast"
     FROM sign_in_failures WHERE account = $1 AND created_at > $3`,
    accountKey(email),
    client,
    new Date(now - WINDOW_MS),
  );
  if (!c) return 0;
  const until = (last: Date | null, seconds: number) => (last && seconds ? last.getTime() + seconds * 1000 - now : 0);
  const ms = Math.max(until(c.last, waitSeconds(c.total, ACCOUNT_FREE, ACCOUNT_MAX_WAIT_S)), until(c.myLast, waitSeconds(c.mine, CLIENT_FREE, CLIENT_MAX_WAIT_S)));
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

export async function recordSignInFailure(db: Db, email: string, address: string): Promise<void> {
  const account = accountKey(email);
  await db.signInFailure.create({ data: { account, client: await clientHash(db, address) } });
  // Old rows of the account go with each new one (the worker need not know about them).
  await db.signInFailure.deleteMany({ where: { account, createdAt: { lt: new Date(Date.now() - 24 * 60 * 60_000) } } });
}

/** The owner got in: the guesses before do not slow the next sign-in. */
export async function clearSignInFailures(db: Db, email: string): Promise<void> {
  await db.signInFailure.deleteMany({ where: { account: accountKey(email) } });
}
