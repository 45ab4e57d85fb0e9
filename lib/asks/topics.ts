// Topics for a reader's question, from the words of the topic vocabulary it uses (names and aliases).
// Pure. A moderator or advisor can change them; a question needs at least one to be stored.
import type { TopicVocabulary } from "../domain/schema.ts";

export const FALLBACK_TOPIC = "读者提问";

export function inferTopics(text: string, vocabulary: TopicVocabulary, max = 3): string[] {
  const found: { name: string; at: number; len: number }[] = [];
  for (const t of vocabulary) {
    let best: { at: number; len: number } | null = null;
    for (const w of [t.name, ...t.aliases]) {
      const at = text.indexOf(w);
      if (at >= 0 && (!best || w.length > best.len)) best = { at, len: w.length };
    }
    if (best) found.push({ name: t.name, ...best });
  }
  // Longer matches are more specific (异地就医备案 over 异地就医); then the order in the question.
  const names = found.sort((a, b) => b.len - a.len || a.at - b.at).map((f) => f.name).slice(0, max);
  return names.length ? names : [FALLBACK_TOPIC];
}
