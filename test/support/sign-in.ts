// An editor of the authoring app for route-handler tests: a new account of a role, signed in through
// the real sign-in endpoint (better-auth's route handler), with the session cookie it set.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { createAccount } from "../../lib/authoring/accounts.ts";
import type { Role } from "../../lib/auth/roles.ts";
import { getDb } from "../../lib/db/client.ts";

export const TEST_SITE = "http://localhost:3000";
const PASSWORD = "correct horse battery";
let clients = 0;

export async function signedIn(databaseUrl: string, authPost: (req: Request) => Promise<Response>, role: Role, name = `测试${role}`) {
  const email = `${role}-${randomUUID().slice(0, 8)}@example.cn`;
  const account = await createAccount(getDb(databaseUrl), { email, name, role, password: PASSWORD, by: "test" }, databaseUrl);
  // Each account signs in from an address of its own: sign-in is throttled per client address.
  const ip = `198.51.100.${++clients}`;
  const res = await authPost(new Request(`${TEST_SITE}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: TEST_SITE, "x-yibao-client": ip }, body: JSON.stringify({ email, password: PASSWORD }) }));
  expect(res.status).toBe(200);
  return { cookie: res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; "), email, userId: account.userId };
}
