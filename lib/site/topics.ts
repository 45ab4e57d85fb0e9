// The topic vocabulary of CONTENT_DIR, read once per server process: the topics given to questions made
// in the app (a reader's question, a content gap turned into one).
import "server-only";
import { loadConfig } from "../content/load.ts";
import type { TopicVocabulary } from "../domain/schema.ts";
import { env } from "../env.ts";

let topics: Promise<TopicVocabulary> | undefined;

export function topicVocabulary(): Promise<TopicVocabulary> {
  topics ??= loadConfig(env().contentDir).then((c) => c.topics, () => []);
  return topics;
}
