// Runs one domain verb against the database of a running site, for end-to-end tests that need a change
// made the way the web app will make it (there is no authoring UI to drive yet).
// usage: DATABASE_URL=… node --conditions=react-server --import tsx test/support/verb.ts <verb> '<json>'
import { closeDb, getDb } from "../../lib/db/client.ts";
import * as verbs from "../../lib/articles/revisions.ts";

const [name, json] = process.argv.slice(2);
const db = getDb(process.env.DATABASE_URL);
const args = JSON.parse(json ?? "{}") as Record<string, unknown> & { slug?: string };
// Tests name articles by slug; verbs take the stable id.
if (typeof args.articleSlug === "string") {
  args.articleId = (await db.article.findUniqueOrThrow({ where: { slug: args.articleSlug }, select: { id: true } })).id;
  delete args.articleSlug;
}
const verb = (verbs as unknown as Record<string, (db: unknown, a: unknown) => Promise<unknown>>)[name!];
if (!verb) throw new Error(`no verb ${name}`);
console.log(JSON.stringify((await verb(db, args)) ?? null));
await closeDb(process.env.DATABASE_URL);
