// Reads content/ into RelItems (for tests and tools that judge relations without a database).
import { join } from "node:path";
import { listQuestionFiles, loadConfig, loadSearchVocabulary, readUtf8 } from "./load.ts";
import { parseQuestion } from "./parse.ts";
import { isAnswered, isPublic } from "../domain/visibility.ts";
import type { RelItem } from "../related/compute.ts";

export async function relItemsFromContent(contentDir: string): Promise<{ items: RelItem[]; synonyms: string[][] }> {
  const config = await loadConfig(contentDir);
  const items: RelItem[] = [];
  for (const file of await listQuestionFiles(contentDir)) {
    const r = parseQuestion(file, await readUtf8(join(contentDir, file), file), config.context);
    if (r.ok && isPublic(r.article.status)) items.push({ ...r.article, answered: isAnswered(r.article.status) });
  }
  const { vocabulary } = await loadSearchVocabulary(contentDir);
  return { items, synonyms: vocabulary.synonyms };
}
