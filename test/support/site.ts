// For tests that call the app's route handlers directly: a database and index of their own with the
// fixture content ingested, the environment the handlers read set to them, and signed-in accounts.
import { randomUUID } from "node:crypto";
import { cp, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { expect, inject } from "vitest";
import { createAccount } from "../../lib/authoring/accounts.ts";
import { SHIPPED_POLICY_DIR } from "../../lib/calculators/policies/shipped-policies.ts";
import type { Role } from "../../lib/auth/roles.ts";
import { ingestContent } from "../../lib/content/ingest.ts";
import { loadSearchVocabulary } from "../../lib/content/load.ts";
import { closeDb, getDb } from "../../lib/db/client.ts";
import { ensureIndex, getIndex, getSearchClient } from "../../lib/search/client.ts";
import { pageExpiry } from "../../lib/site/admin-api.ts";
import { copyContent, FIXTURE_CONTENT, freshDatabase } from "./context.ts";

export const SITE = "http://localhost:3000";

/** `policies`: shipped policy files copied into the content, which then becomes CONTENT_DIR. */
export async function siteFixture(o: { policies?: string[] } = {}) {
  const databaseUrl = await freshDatabase();
  const indexName = `t_${randomUUID().slice(0, 8)}`;
  const content = await copyContent(FIXTURE_CONTENT);
  if (o.policies?.length) {
    await mkdir(join(content.dir, "policies"));
    for (const id of o.policies) await cp(join(SHIPPED_POLICY_DIR, `${id}.yaml`), join(content.dir, "policies", `${id}.yaml`));
  }
  // The route handlers read their settings from the environment, as on a server.
  Object.assign(process.env, { DATABASE_URL: databaseUrl, MEILI_URL: inject("meiliUrl"), MEILI_MASTER_KEY: inject("meiliKey"), MEILI_INDEX: indexName, SITE_URL: SITE, BETTER_AUTH_SECRET: randomUUID() + randomUUID(), ...(o.policies?.length ? { CONTENT_DIR: content.dir } : {}) });
  const { vocabulary } = await loadSearchVocabulary(content.dir);
  const client = getSearchClient(inject("meiliUrl"), inject("meiliKey"));
  await ensureIndex(client, indexName, vocabulary);
  await ingestContent({ contentDir: content.dir, databaseUrl, index: getIndex(client, indexName), synonyms: vocabulary.synonyms });
  // Page expiry after writes is test/integration/page-expiry.test.ts's subject; here it would post to whatever listens on port 3000.
  pageExpiry.expire = async () => {};
  const auth = (await import("../../app/api/auth/[...all]/route.ts")) as { POST: (req: Request) => Promise<Response> };
  let accounts = 0;
  return {
    databaseUrl,
    synonyms: vocabulary.synonyms,
    db: () => getDb(databaseUrl),
    /** A new account of `role`, signed in through the real endpoint (from an address of its own). */
    signedIn: async (role: Role) => {
      const email = `${role}-${randomUUID().slice(0, 8)}@example.cn`;
      const account = await createAccount(getDb(databaseUrl), { email, name: `测试${role}`, role, password: "correct horse battery", by: "test" }, databaseUrl);
      const res = await auth.POST(new Request(`${SITE}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: SITE, "x-yibao-client": `203.0.113.${++accounts}` }, body: JSON.stringify({ email, password: "correct horse battery" }) }));
      expect(res.status).toBe(200);
      return { cookie: res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; "), userId: account.userId };
    },
    close: async () => {
      await closeDb(databaseUrl);
      await content.cleanup();
      await client.deleteIndex(indexName).waitTask().catch(() => {});
    },
  };
}
