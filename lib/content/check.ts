// content:check — exactly the validation ingest applies to content/, without a database: configuration
// (advisors, topics), the search vocabulary, every question file, the checks across files, and the
// reference lists (content/catalogues, counted against their stated counts). What ingest
// can only know from Postgres (a slug taken by a web article, an advisor created in the web app) is the
// one thing left to ingest. test/integration/content-check.test.ts holds the two to each other.
import { join } from "node:path";
import { checkCatalogues } from "../catalogue/check.ts";
import type { Article } from "../domain/schema.ts";
import { crossCheck } from "./cross-check.ts";
import { listQuestionFiles, loadConfig, loadSearchVocabulary, notUtf8Issue, readUtf8 } from "./load.ts";
import { type ContentIssue, parseQuestion } from "./parse.ts";

export type ContentCheck = {
  articles: { file: string; article: Article }[];
  advisors: number;
  topics: number;
  /** Reference lists (content/catalogues): files and rows. */
  catalogues: { files: number; rows: number };
  errors: ContentIssue[];
  warnings: ContentIssue[];
};

export async function checkContent(contentDir: string): Promise<ContentCheck> {
  const [config, { errors: vocabularyErrors }] = await Promise.all([loadConfig(contentDir), loadSearchVocabulary(contentDir)]);
  const errors: ContentIssue[] = [...config.errors, ...vocabularyErrors];
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
  return { articles, advisors: config.advisors.size, topics: config.topics.length, catalogues: { files: catalogues.files, rows: catalogues.rows }, errors, warnings };
}
