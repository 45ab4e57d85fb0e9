// Postgres advisory locks, held on a connection of their own for as long as the holder runs. A process
// that dies (even by kill -9) loses its connection and with it the lock, so nothing is ever left locked.
import pg from "pg";

export type HeldLock = { release: () => Promise<void>; client: pg.Client };

// One namespace for the project's locks (the first key of the two-key form).
const NAMESPACE = 0x59_42_51_41; // "YBQA"

/**
 * Takes the named lock. With `wait`, blocks until it is free (calling `onWait` once if it is not free at
 * first); without, returns null when another session holds it.
 */
export async function acquireLock(
  url: string,
  name: string,
  opts: { wait?: boolean; onWait?: () => void } = {},
): Promise<HeldLock | null> {
  const client = new pg.Client({ connectionString: url, application_name: `lock:${name}` });
  // Listening before connect, not after: the server's last words (a FATAL when Postgres stops or is
  // killed) can arrive in the same read as the end of the handshake, and are emitted before the code
  // after `await connect()` runs; an 'error' event nobody listens to ends the process. A broken
  // connection means the lock is gone; the holder's own queries fail too and its retry path takes over.
  let reported = false;
  client.on("error", (e) => {
    if (reported) return;
    reported = true;
    console.warn(`lock ${name}: connection lost (${e.message.replace(/\s+/g, " ").trim()}); the lock is released`);
  });
  await client.connect();
  try {
    const tried = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok", [NAMESPACE, name]);
    if (!tried.rows[0]?.ok) {
      if (!opts.wait) {
        await client.end();
        return null;
      }
      opts.onWait?.();
      await client.query("SELECT pg_advisory_lock($1, hashtext($2))", [NAMESPACE, name]);
    }
  } catch (e) {
    await client.end().catch(() => {});
    throw e;
  }
  return {
    client,
    release: async () => {
      await client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [NAMESPACE, name]).catch(() => {});
      await client.end().catch(() => {});
    },
  };
}
