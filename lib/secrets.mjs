// The installation's shared secrets, resolved here and nowhere else: BETTER_AUTH_SECRET signs session
// cookies, REVALIDATE_SECRET lets the outbox worker expire the web servers' cached pages. Every web
// server of one site must hold the same values, or a session made on one is refused by the next and
// the worker's page refreshes are refused. So: `npm run serve` refuses to start without them (a
// random per-process secret would log everybody out on every restart); `npm start`, the worker and
// ingest, which own DATA_DIR, generate them there on first use (mode 600) when they are not set.
// Plain JavaScript: scripts/web-server.mjs checks before Next loads, where TypeScript cannot run.
import { randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** Each secret: its variable, and its file in DATA_DIR when a process that owns DATA_DIR generates it. */
export const SECRETS = {
  auth: { variable: "BETTER_AUTH_SECRET", file: "auth-secret" },
  revalidate: { variable: "REVALIDATE_SECRET", file: "revalidate-secret" },
};

/** A secret kept in `dir/name`, generated on first use (also the embedded servers' credentials). */
export async function loadOrCreateSecret(dir, name) {
  const file = join(dir, name);
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(dir, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

const given = (source, kind) => {
  const value = source[SECRETS[kind].variable];
  return typeof value === "string" && value !== "" ? value : undefined;
};

/** For a process that owns DATA_DIR: the variable when set, else the one kept in DATA_DIR. */
export function storedSecret(env, kind) {
  return Promise.resolve(given(env, kind) ?? loadOrCreateSecret(env.dataDir, SECRETS[kind].file));
}

/** The variables of the secrets `source` lacks. */
export function missingSecrets(source) {
  return Object.keys(SECRETS).filter((k) => !given(source, k)).map((k) => SECRETS[k].variable);
}

/** Why a web server will not start without them, in Chinese and English, naming the variables. */
export function missingSecretsMessage(missing) {
  return [
    `缺少 ${missing.join("、")}：同一站点的每个 Web 服务实例都必须设置相同的值（至少 32 个字符，例如用 openssl rand -hex 32 生成）。npm start 会自动生成并保存在 DATA_DIR 中。`,
    `Missing ${missing.join(", ")}: set the same value on every web server of the site (at least 32 characters, e.g. openssl rand -hex 32); npm start generates them into DATA_DIR.`,
  ].join("\n");
}

/** The session-signing secret of this process; a CLI without one (it signs no session) gets a throwaway one. */
export function authSecret(env) {
  return given(env, "auth") ?? randomBytes(32).toString("hex");
}

let signingFallback;

/**
 * What server-made tokens are signed with (search query ids, merged asks' follow links): the auth secret,
 * which every instance shares; a process without one (a CLI, a test) gets a random one for its own life,
 * so its tokens are unguessable and only it recognises them.
 */
export function signingSecret(env) {
  return given(env, "auth") ?? (signingFallback ??= randomBytes(32).toString("hex"));
}

/** Whether `header` proves the caller holds REVALIDATE_SECRET (constant time); never, when it is unset. */
export function holdsRevalidateSecret(env, header) {
  const secret = given(env, "revalidate");
  if (!secret || !header?.startsWith("Bearer ")) return false;
  const a = Buffer.from(header.slice(7));
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}
