// The one place that configures authentication (better-auth with its Prisma adapter): email and
// password only, no public sign-up (accounts come from `npm run user:add` and from admins), passwords
// hashed with argon2id, sessions and sign-in throttling in Postgres so both hold across instances.
import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { createAuthMiddleware } from "better-auth/api";
import { randomUUID } from "node:crypto";
import { getDb } from "../db/client.ts";
import { env } from "../env.ts";
import { authSecret } from "../secrets.mjs";
import { trustedOrigins } from "./origins.ts";
import { AUDIT } from "../domain/audit-actions.ts";
import { API_PATHS } from "../urls.ts";

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
      minPasswordLength: 10,
      maxPasswordLength: 128,
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
      after: createAuthMiddleware(async (ctx) => {
        // A failed sign-in is worth an audit line (who tried which account), never the password.
        if (ctx.path === "/sign-in/email" && ctx.context.returned instanceof Error) {
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
