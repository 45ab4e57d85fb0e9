// Client addresses are never stored: only sha256(salt of the day + address). The salt is random, kept in
// Postgres (app_state) so that every app instance hashes alike on the same day, and a new one is made each
// UTC day; the worker deletes salts older than yesterday, after which a stored hash cannot be linked to an
// address or to the same client's hashes of another day.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client.ts";

const PREFIX = "client-salt:";
const cache = new Map<Db, { day: string; salt: Promise<string> }>();

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

async function saltOf(db: Db, day: string): Promise<string> {
  const key = `${PREFIX}${day}`;
  // Two instances racing on a new day: the first insert wins, both read it back.
  await db.$executeRawUnsafe(`INSERT INTO app_state (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`, key, randomBytes(32).toString("base64url"));
  const row = await db.appState.findUniqueOrThrow({ where: { key } });
  return row.value;
}

function todaysSalt(db: Db, now = new Date()): Promise<string> {
  const day = dayOf(now);
  const hit = cache.get(db);
  if (hit?.day === day) return hit.salt;
  const salt = saltOf(db, day);
  // A failed read is not cached: the next request tries again.
  salt.catch(() => cache.delete(db));
  cache.set(db, { day, salt });
  return salt;
}

/** The client's address as today's salted hash (32 hex characters). */
export async function clientHash(db: Db, address: string, now = new Date()): Promise<string> {
  const salt = await todaysSalt(db, now);
  return createHash("sha256").update(salt).update("\0").update(address).digest("hex").slice(0, 32);
}

/** Deletes salts older than yesterday (the worker calls it). */
export async function dropOldSalts(db: Db, now = new Date()): Promise<number> {
  const yesterday = dayOf(new Date(now.getTime() - 86_400_000));
  return db.$executeRawUnsafe(`DELETE FROM app_state WHERE key LIKE '${PREFIX}%' AND key < $1`, `${PREFIX}${yesterday}`);
}
