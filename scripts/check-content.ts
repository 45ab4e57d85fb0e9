// npm run content:check — validates every file under CONTENT_DIR without touching any database.
import { join } from "node:path";
import { checkCatalogues } from "../lib/catalogue/check.ts";
import { crossCheck } from "../lib/content/cross-check.ts";
import { listQuestionFiles, loadConfig, notUtf8Issue, readUtf8 } from "../lib/content/load.ts";
import { type ContentIssue, formatIssue, parseQuestion } from "../lib/content/parse.ts";
import type { Article } from "../lib/domain/schema.ts";
import { readEnv } from "../lib/env.ts";

const { contentDir } = readEnv();
const config = await loadConfig(contentDir);
const errors: ContentIssue[] = [...config.errors];
const warnings: ContentIssue[] = [];
const articles: { file: string; article: Article }[] = [];
for (const file of await listQuestionFiles(contentDir)) {
  let text: string;
  try {
    text = await readUtf8(join(contentDir, file), file);
  } catch (e) {
    errors.push(notUtf8Issue(e));
    continue;
  }
  const r = parseQuestion(file, text, config.context);
  warnings.push(...r.warnings);
  if (r.ok) articles.push({ file, article: r.article });
  else errors.push(...r.errors);
}
const cross = crossCheck(articles.map((a) => ({ file: a.file, slug: a.article.slug, related: a.article.related })));
errors.push(...cross.errors);
warnings.push(...cross.warnings);
const catalogues = await checkCatalogues(contentDir);
errors.push(...catalogues.errors);

for (const w of warnings) console.log(`warning ${formatIssue(w)}`);
for (const e of errors) console.log(`error   ${formatIssue(e)}`);
const byStatus = new Map<string, number>();
for (const a of articles) byStatus.set(a.article.status, (byStatus.get(a.article.status) ?? 0) + 1);
console.log(
  `${articles.length} valid question files (${[...byStatus].map(([k, n]) => `${k} ${n}`).join(", ") || "none"}), ` +
    `${config.advisors.size} advisors, ${config.topics.length} topics, ${catalogues.files} drug lists (${catalogues.rows} rows); ${errors.length} errors, ${warnings.length} warnings`,
);
process.exit(errors.length ? 1 : 0);
