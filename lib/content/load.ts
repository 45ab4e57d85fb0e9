// Reads content/ from disk: configuration (advisors, topic vocabulary) and the question files.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { basename, join, relative, sep } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { type ContentIssue, MAX_YAML_ALIASES, type ParseContext } from "./parse.ts";
import {
  type Advisor,
  advisorSchema,
  SLUG_RE,
  type SearchVocabulary,
  searchVocabularySchema,
  type TopicVocabulary,
  topicVocabularySchema,
} from "../domain/schema.ts";

/** Bump when ingest's interpretation of a file changes, so every article is re-processed once. */
export const PARSER_VERSION = "1";

export type ContentConfig = {
  advisors: Map<string, Advisor & { hash: string }>;
  topics: TopicVocabulary;
  /** Hash of the topic vocabulary: question files parse differently when it changes. */
  parseContext: string;
  context: ParseContext;
  errors: ContentIssue[];
};

/** Thrown by readUtf8 for a file whose bytes are not UTF-8 (GBK, UTF-16 …). */
export class NotUtf8Error extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
  ) {
    super("not UTF-8: save the file as UTF-8 (it looks like another encoding, such as GBK)");
  }
}

// ignoreBOM keeps a byte-order mark in the text, as readFile(…, "utf8") did: content hashes stay the same.
const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const lossyUtf8 = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * A content file as text, refusing anything that is not UTF-8: readFile(…, "utf8") would turn GBK bytes
 * into U+FFFD and the article would be published as mojibake. The error names the line of the first bad
 * byte (newlines are ASCII in both encodings, so lines count the same).
 */
export async function readUtf8(path: string, file: string): Promise<string> {
  const bytes = await readFile(path);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    const lossy = lossyUtf8.decode(bytes);
    const bad = lossy.indexOf("\uFFFD");
    throw new NotUtf8Error(file, bad < 0 ? 1 : lossy.slice(0, bad).split("\n").length);
  }
}

/** A NotUtf8Error as the issue ingest and the checker report; anything else is rethrown. */
export function notUtf8Issue(e: unknown): ContentIssue {
  if (e instanceof NotUtf8Error) return { file: e.file, line: e.line, message: e.message };
  throw e;
}

/** `context` is what else the parse result depends on (the topic vocabulary): a change re-parses all. */
export function hashText(text: string | Buffer, context = ""): string {
  return createHash("sha256").update(PARSER_VERSION).update(context).update(text).digest("hex").slice(0, 32);
}

export async function loadConfig(contentDir: string): Promise<ContentConfig> {
  const errors: ContentIssue[] = [];
  const advisors = new Map<string, Advisor & { hash: string }>();
  const advisorDir = join(contentDir, "advisors");
  if (existsSync(advisorDir)) {
    for (const name of (await readdir(advisorDir)).filter((n) => /\.ya?ml$/.test(n)).sort()) {
      const file = `advisors/${name}`;
      const id = basename(name).replace(/\.ya?ml$/, "");
      if (!SLUG_RE.test(id)) {
        errors.push({ file, message: "advisor file names must be lower-case ASCII ids such as wang-lin.yaml" });
        continue;
      }
      let text: string;
      try {
        text = await readUtf8(join(advisorDir, name), file);
      } catch (e) {
        errors.push(notUtf8Issue(e));
        continue;
      }
      const parsed = safeYaml(file, text, advisorSchema, errors);
      if (parsed) advisors.set(id, { ...parsed, id, hash: hashText(text) });
    }
  }
  let topics: TopicVocabulary = [];
  const topicsFile = join(contentDir, "topics.yaml");
  if (existsSync(topicsFile)) {
    const text = await readUtf8(topicsFile, "topics.yaml").catch((e: unknown) => void errors.push(notUtf8Issue(e)));
    if (text !== undefined) topics = safeYaml("topics.yaml", text, topicVocabularySchema, errors) ?? [];
  }
  const topicAliases = new Map<string, string>();
  for (const t of topics) for (const a of t.aliases) topicAliases.set(a, t.name);
  return {
    advisors,
    topics,
    parseContext: createHash("sha256").update(JSON.stringify(topics)).digest("hex").slice(0, 16),
    errors,
    context: {
      advisors: new Set(advisors.keys()),
      topicAliases,
      knownTopics: topics.length ? new Set(topics.map((t) => t.name)) : undefined,
    },
  };
}

function safeYaml<T extends z.ZodType>(file: string, text: string, schema: T, errors: ContentIssue[]): z.infer<T> | undefined {
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    const line = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    errors.push({ file, line, message: `YAML: ${(e as Error).message.split("\n")[0]}` });
    return undefined;
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    for (const i of parsed.error.issues) errors.push({ file, field: i.path.join(".") || undefined, message: i.message });
    return undefined;
  }
  return parsed.data;
}

/** content/search/vocabulary.yaml: dictionary, synonyms and stop words for the search index. */
export async function loadSearchVocabulary(contentDir: string): Promise<{ vocabulary: SearchVocabulary; errors: ContentIssue[] }> {
  const errors: ContentIssue[] = [];
  const file = join(contentDir, "search", "vocabulary.yaml");
  const empty = { terms: [], synonyms: [], stopWords: [], colloquial: [] };
  if (!existsSync(file)) return { vocabulary: empty, errors };
  const text = await readUtf8(file, "search/vocabulary.yaml").catch((e: unknown) => void errors.push(notUtf8Issue(e)));
  if (text === undefined) return { vocabulary: empty, errors };
  const vocabulary = safeYaml("search/vocabulary.yaml", text, searchVocabularySchema, errors) ?? empty;
  const groupOf = new Map<string, number>();
  vocabulary.synonyms.forEach((group, i) => {
    for (const w of group) {
      if (groupOf.has(w) && groupOf.get(w) !== i) errors.push({ file: "search/vocabulary.yaml", field: `synonyms[${i}]`, message: `"${w}" is already in synonym group ${groupOf.get(w)! + 1}` });
      groupOf.set(w, i);
    }
  });
  return { vocabulary, errors };
}

/** Question files as paths relative to contentDir ("questions/…/x.md"), sorted. */
export async function listQuestionFiles(contentDir: string): Promise<string[]> {
  const root = join(contentDir, "questions");
  if (!existsSync(root)) return [];
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".md"))
    .map((e) => relative(contentDir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}

/** Every domain word the content names: vocabulary terms, synonym and colloquial words, topics and their aliases. */
export async function loadLexiconWords(contentDir: string): Promise<string[]> {
  const [{ vocabulary }, config] = await Promise.all([loadSearchVocabulary(contentDir), loadConfig(contentDir)]);
  return [
    ...vocabulary.synonyms.map((g) => g[0]!),
    ...vocabulary.terms,
    ...vocabulary.synonyms.flatMap((g) => g.slice(1)),
    ...vocabulary.colloquial.flatMap((g) => [...g.means, ...g.says]),
    ...config.topics.flatMap((t) => [t.name, ...t.aliases]),
  ];
}
