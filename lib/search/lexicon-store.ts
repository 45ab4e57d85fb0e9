// The search lexicon learned from the public content: every article's plain text segmented with jieba,
// word frequencies kept, plus the general-language words that sound like those words (so that a real
// word is not "repaired" into a corpus word). Stored as one row of search_lexicon; rebuilt by the outbox
// worker and by ingest when the public articles changed, read (and cached) by the site.
import "server-only";
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { createHash } from "node:crypto";
import type { Db } from "../db/client.ts";
import { publicSql } from "../domain/visibility.ts";
import type { CorpusWords } from "../query/lexicon.ts";
import { toSyllables } from "../query/pinyin.ts";

/** Bump when segmentation or what is kept changes: the next pass rebuilds the lexicon. */
const LEXICON_VERSION = "1";
/** The most frequent corpus words kept (the lexicon of a 100,000-article corpus stays small). */
const MAX_WORDS = 40_000;
const HAN_WORD = /^[\u4e00-\u9fff]{2,8}$/;

let jieba: Jieba | undefined;
let general: Map<string, number> | undefined;
let bySound: Map<string, [string, number][]> | undefined;

/** jieba's dictionary: word → frequency in general Chinese (multi-character Han words only). */
function generalWords(): Map<string, number> {
  if (!general) {
    general = new Map();
    for (const line of new TextDecoder().decode(dict).split("\n")) {
      const [w, f] = line.split(" ");
      if (w && HAN_WORD.test(w)) general.set(w, Number(f) || 0);
    }
  }
  return general;
}

/** General words of 2–4 characters by their toneless sound, for the homophones of corpus words. */
function generalBySound(): Map<string, [string, number][]> {
  if (!bySound) {
    bySound = new Map();
    for (const [w, f] of generalWords()) {
      if (w.length > 4 || f < 20) continue;
      const s = toSyllables(w).join(" ");
      const list = bySound.get(s);
      if (list) list.push([w, f]);
      else bySound.set(s, [[w, f]]);
    }
  }
  return bySound;
}

/** Segments texts and adds up their words' counts. */
export function countWords(texts: Iterable<string>, counts = new Map<string, number>()): Map<string, number> {
  jieba ??= Jieba.withDict(dict);
  for (const text of texts) {
    for (const w of jieba.cut(text, false)) if (HAN_WORD.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return counts;
}

/** The lexicon of texts: their words by frequency, and the general words that sound like them. */
export function learnWords(texts: Iterable<string>): CorpusWords {
  return corpusWords(countWords(texts));
}

function corpusWords(counts: Map<string, number>): CorpusWords {
  const gen = generalWords();
  const words = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_WORDS)
    .map(([w, n]) => [w, n, gen.get(w) ?? 0] as [string, number, number]);
  const sounds = generalBySound();
  const known = new Map<string, number>();
  for (const [w] of words) {
    if (w.length > 4) continue;
    for (const [other, f] of sounds.get(toSyllables(w).join(" ")) ?? []) if (other !== w && !counts.has(other)) known.set(other, f);
  }
  return { words, known: [...known].sort((a, b) => a[0].localeCompare(b[0])) };
}

/** What the lexicon is built from: which public articles, in which version. Cheap (one aggregate). */
async function sourceVersion(db: Db): Promise<string> {
  const [row] = await db.$queryRawUnsafe<{ n: bigint; h: string | null }[]>(
    `SELECT count(*) AS n, sum(hashtext(id::text || content_hash))::text AS h FROM articles WHERE ${publicSql()}`,
  );
  return createHash("sha256").update(`${LEXICON_VERSION}:${row?.n ?? 0}:${row?.h ?? ""}`).digest("hex").slice(0, 24);
}

/**
 * Rebuilds the stored lexicon when the public articles changed since it was built, and it is older than
 * `minAgeMs`: at 100,000 articles a rebuild costs seconds of CPU, so a stream of edits rebuilds it at
 * most that often (a new word becomes repairable within that time; everything else works meanwhile).
 */
export async function refreshLexicon(db: Db, { minAgeMs = 0 }: { minAgeMs?: number } = {}): Promise<{ rebuilt: boolean; words: number; ms: number }> {
  const started = performance.now();
  const skip = { rebuilt: false, words: 0, ms: 0 };
  const stored = await db.searchLexicon.findUnique({ where: { id: 1 }, select: { version: true, builtAt: true } });
  if (stored && Date.now() - stored.builtAt.getTime() < minAgeMs) return skip;
  const version = await sourceVersion(db);
  if (stored?.version === version) return { ...skip, ms: Math.round(performance.now() - started) };
  const texts = async function* () {
    let after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const rows = await db.$queryRawUnsafe<{ id: string; search_text: string }[]>(
        `SELECT id, search_text FROM articles WHERE ${publicSql()} AND id > $1::uuid ORDER BY id LIMIT 2000`,
        after,
      );
      if (!rows.length) return;
      yield rows.map((r) => r.search_text);
      after = rows.at(-1)!.id;
    }
  };
  // Batch by batch: the whole corpus's text is never held at once.
  const counts = new Map<string, number>();
  for await (const batch of texts()) countWords(batch, counts);
  const words = corpusWords(counts);
  const json = JSON.parse(JSON.stringify(words));
  await db.searchLexicon.upsert({ where: { id: 1 }, create: { id: 1, version, words: json }, update: { version, words: json, builtAt: new Date() } });
  return { rebuilt: true, words: words.words.length, ms: Math.round(performance.now() - started) };
}

/** The stored lexicon's version, for a cheap "has it changed?" check. */
export async function storedLexiconVersion(db: Db): Promise<string | null> {
  return (await db.searchLexicon.findUnique({ where: { id: 1 }, select: { version: true } }))?.version ?? null;
}

export async function loadStoredLexicon(db: Db): Promise<{ version: string; words: CorpusWords } | null> {
  const row = await db.searchLexicon.findUnique({ where: { id: 1 } });
  return row ? { version: row.version, words: row.words as unknown as CorpusWords } : null;
}
