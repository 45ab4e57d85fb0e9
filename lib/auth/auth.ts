// The one place that configures authentication (better-auth with its Prisma adapter): email and
// password only, no public sign-up (accounts come from `npm run user:add` and from admins), passwords
// hashed with argon2id, sessions and sign-in throttling in Postgres so both hold across instances.
import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { randomUUID } from "node:crypto";
import { getDb } from "../db/client.ts";
import { env } from "../env.ts";
import { authSecret } from "../secrets.mjs";
import { CLIENT_HEADER } from "../http/client.ts";
import { trustedOrigins } from "./origins.ts";
import { AUDIT } from "../domain/audit-actions.ts";
import { API_PATHS } from "../urls.ts";
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from "./password-strength.ts";
import { clearSignInFailures, recordSignInFailure, signInWait } from "./sign-in-limit.ts";

// OWASP's argon2id settings: 19 MiB, 2 passes, 1 lane.
const ARGON2 = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

function createAuth(databaseUrl: string | undefined) {
  const e = env();
  const db = getDb(databaseUrl);
  return betterAuth({
    appName: "医保问答",
    baseURL: e.siteUrl,
    basePath: API_PATHS.auth,
    secret: authSecret(e),
    trustedOrigins: trustedOrigins(e.siteUrl),
    database: prismaAdapter(db, { provider: "postgresql" }),
    telemetry: { enabled: false },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      password: { hash: hashPassword, verify: ({ hash: stored, password }) => verify(stored, password) },
      revokeSessionsOnPasswordReset: true,
    },
    user: {
      additionalFields: {
        role: { type: "string", required: false, input: false, defaultValue: "advisor" },
        advisorId: { type: "string", required: false, input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": { window: 60, max: env().SIGN_IN_ATTEMPTS_PER_MINUTE },
        "/change-password": { window: 60, max: env().SIGN_IN_ATTEMPTS_PER_MINUTE },
      },
    },
    advanced: {
      database: { generateId: () => randomUUID() },
      useSecureCookies: e.siteUrl.startsWith("https://"),
      // The address the web server established (never X-Forwarded-For from just anyone): the per-client
      // limit and the sessions' recorded address use it. app/api/auth sets it for every request.
      ipAddress: { ipAddressHeaders: [CLIENT_HEADER] },
    },
    databaseHooks: {
      session: {
        create: {
          after: async (session) => {
            await db.auditEvent.create({ data: { actor: session.userId, action: AUDIT.signIn, data: { ip: session.ipAddress ?? null } } });
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === "/sign-in/email" && typeof ctx.body?.email === "string") {
          // Per account, across clients: a wait that grows with the failures (lib/auth/sign-in-limit.ts).
          const wait = await signInWait(db, ctx.body.email, clientAddressOf(ctx.headers));
          if (wait > 0) {
            throw new APIError("TOO_MANY_REQUESTS", { code: "SIGN_IN_DELAYED", message: `这个账号最近多次登录失败，请 ${wait} 秒后再试。` }, { "Retry-After": String(wait) });
          }
        }
        if (ctx.path === "/change-password" && typeof ctx.body?.newPassword === "string") {
          const session = await getSessionFromCtx(ctx);
          const problem = passwordProblem(ctx.body.newPassword, { email: session?.user.email, name: session?.user.name });
          if (problem) throw new APIError("BAD_REQUEST", { code: "WEAK_PASSWORD", message: problem });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        // A failed sign-in is worth an audit line (who tried which account), never the password.
        const returned = ctx.context.returned;
        if (ctx.path === "/sign-in/email" && typeof ctx.body?.email === "string") {
          if (returned instanceof APIError && returned.statusCode === 401) {
            await recordSignInFailure(db, ctx.body.email, clientAddressOf(ctx.headers));
          } else if (!(returned instanceof Error)) {
            await clearSignInFailures(db, ctx.body.email);
          }
        }
        if (ctx.path === "/sign-in/email" && returned instanceof Error) {
          const email = typeof ctx.body?.email === "string" ? ctx.body.email.slice(0, 200) : null;
          await db.auditEvent.create({ data: { actor: "anonymous", action: AUDIT.signInFailed, data: { email } } });
        }
        const who = ctx.context.session?.user.id;
        if (who && !(ctx.context.returned instanceof Error) && (ctx.path === "/change-password" || ctx.path === "/revoke-other-sessions")) {
          await db.auditEvent.create({ data: { actor: who, action: ctx.path === "/change-password" ? AUDIT.passwordChanged : AUDIT.signedOutElsewhere, data: {} } });
        }
      }),
    },
  });
}

function clientAddressOf(headers: Headers | undefined): string {
  return headers?.get(CLIENT_HEADER) ?? "unknown";
}

export type Auth = ReturnType<typeof createAuth>;
const cache = globalThis as unknown as { __yibaoAuth?: Map<string, Auth> };

/** One configured instance per database per process. */
export function getAuth(databaseUrl = env().DATABASE_URL): Auth {
  cache.__yibaoAuth ??= new Map();
  const key = databaseUrl ?? "";
  let auth = cache.__yibaoAuth.get(key);
  if (!auth) cache.__yibaoAuth.set(key, (auth = createAuth(databaseUrl)));
  return auth;
}
