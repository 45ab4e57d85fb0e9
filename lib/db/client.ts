// The only place that creates a Prisma client.
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "../env.ts";
import { type Prisma, PrismaClient } from "./generated/client.ts";

export type Db = PrismaClient;
/** The client inside an interactive transaction. */
export type Tx = Prisma.TransactionClient;
export type DbOrTx = Db | Tx;

const cache = globalThis as unknown as { __yibaoDb?: Map<string, PrismaClient> };

/** One client per URL per process (Next's dev server re-evaluates modules; tests use several URLs). */
export function getDb(url = env().DATABASE_URL): PrismaClient {
  if (!url) throw new Error("DATABASE_URL is not set: start the site with `npm start`, or set it to your Postgres.");
  cache.__yibaoDb ??= new Map();
  let db = cache.__yibaoDb.get(url);
  if (!db) {
    db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
    cache.__yibaoDb.set(url, db);
  }
  return db;
}

export async function closeDb(url = env().DATABASE_URL) {
  const db = url ? cache.__yibaoDb?.get(url) : undefined;
  if (db) {
    cache.__yibaoDb!.delete(url!);
    await db.$disconnect();
  }
}
