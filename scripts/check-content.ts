// npm run content:check — validates every file under CONTENT_DIR as ingest does, without any database.
import { checkContent } from "../lib/content/check.ts";
import { formatIssue } from "../lib/content/parse.ts";
import { readEnv } from "../lib/env.ts";
import { exitOnEnvError } from "./env-guard.ts";

const { contentDir } = exitOnEnvError(readEnv);
const r = await checkContent(contentDir);
for (const w of r.warnings) console.log(`warning ${formatIssue(w)}`);
for (const e of r.errors) console.log(`error   ${formatIssue(e)}`);
const byStatus = new Map<string, number>();
for (const a of r.articles) byStatus.set(a.article.status, (byStatus.get(a.article.status) ?? 0) + 1);
console.log(
  `${r.articles.length} valid question files (${[...byStatus].map(([k, n]) => `${k} ${n}`).join(", ") || "none"}), ` +
    `${r.advisors} advisors, ${r.topics} topics, ${r.catalogues.files} drug lists (${r.catalogues.rows} rows); ${r.errors.length} errors, ${r.warnings.length} warnings`,
);
process.exit(r.errors.length ? 1 : 0);
