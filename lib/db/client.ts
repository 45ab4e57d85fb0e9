// The only place that creates a Prisma client.
import { PrismaPg } from "@prisma/adapter-pg";
import { readReplicas } from "@prisma/extension-read-replicas";
import pg, { type ClientBase } from "pg";
import { env } from "../env.ts";
import { type Prisma, PrismaClient } from "./generated/client.ts";

export type Db = PrismaClient;
/** The client inside an interactive transaction. */
export type Tx = Prisma.TransactionClient;
export type DbOrTx = Db | Tx;

const cache = globalThis as unknown as { __yibaoDb?: Map<string, PrismaClient>; __yibaoPools?: Map<string, pg.Pool> };

// Every pooled connection listens for 'error' for its whole life. pg-pool stops listening on a new
// connection when it hands it out, and the adapter starts only after an `await`: a FATAL that arrives
// in the same read as the end of the handshake (Postgres killed or restarted just then) would be an
// 'error' event nobody hears, and that ends the process. The failure still reaches whoever holds the
// connection, through its query.
const hearErrors = (client: ClientBase) => {
  client.on("error", () => {});
};

/** One client per URL per process (Next's dev server re-evaluates modules; tests use several URLs). */
export function getDb(url = env().DATABASE_URL): PrismaClient {
  if (!url) throw new Error("DATABASE_URL is not set: start the site with `npm start`, or set it to your Postgres.");
  cache.__yibaoDb ??= new Map();
  let db = cache.__yibaoDb.get(url);
  if (!db) {
    // The pool is ours (the adapter ends it with the client) so that its queue can be measured.
    const pool = new pg.Pool({ connectionString: url, max: 10, onConnect: hearErrors });
    db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
    cache.__yibaoDb.set(url, db);
    (cache.__yibaoPools ??= new Map()).set(url, pool);
  }
  return db;
}

/** The primary's pool in this process: connections open, idle, and requests waiting for one (metrics). */
export function poolStats(url = env().DATABASE_URL): { total: number; idle: number; waiting: number } | null {
  const pool = url ? cache.__yibaoPools?.get(url) : undefined;
  return pool ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount } : null;
}

export async function closeDb(url = env().DATABASE_URL) {
  const db = url ? cache.__yibaoDb?.get(url) : undefined;
  for (const key of (globalThis as unknown as { __yibaoReplica?: Map<string, Db> }).__yibaoReplica?.keys() ?? []) {
    if (url && key.split("|").includes(url)) (globalThis as unknown as { __yibaoReplica: Map<string, Db> }).__yibaoReplica.delete(key);
  }
  if (db) {
    cache.__yibaoDb!.delete(url!);
    cache.__yibaoPools?.delete(url!);
    await db.$disconnect();
  }
}

const replicas = globalThis as unknown as { __yibaoReplica?: Map<string, Db> };

/**
 * The client for public reads (pages, search and its fallback): with DATABASE_REPLICA_URL, a read
 * replica picked through Prisma's read-replicas extension over the primary; without, the primary.
 * Read-only: writes (the search log, questions, authoring) always use getDb(), the primary.
 */
export function getPublicDb(url = env().DATABASE_URL, replicaUrl = env().DATABASE_REPLICA_URL): Db {
  if (!replicaUrl) return getDb(url);
  replicas.__yibaoReplica ??= new Map();
  const key = `${url}|${replicaUrl}`;
  let db = replicas.__yibaoReplica.get(key);
  if (!db) {
    // Model reads through the extended client go to a replica too; raw queries do not, so the public
    // paths are given the replica's own client.
    db = getDb(url).$extends(readReplicas({ replicas: [getDb(replicaUrl)] })).$replica() as unknown as Db;
    replicas.__yibaoReplica.set(key, db);
  }
  return db;
}
