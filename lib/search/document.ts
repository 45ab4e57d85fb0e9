// The one mapping from an article to its Meilisearch document. Pure.
import { isAnswered } from "../domain/visibility.ts";
import { markdownToPlain } from "../markdown/plain.ts";
import { stripPrivateUse } from "../query/normalize.ts";
import { initialsField, pinyinField } from "../query/pinyin.ts";
import { getRegion, NATIONWIDE } from "../regions/index.ts";

/** Bump when the document shape or its derivation changes: ingest then re-sends every article once. */
export const SEARCH_DOCUMENT_VERSION = "5";

export type SearchDocument = {
  /** The article's stable id: a renamed article keeps its document. */
  id: string;
  slug: string;
  title: string;
  /** 相似问法, one per line: searched right after the title. */
  aliases: string;
  question: string;
  answers: string;
  topics: string[];
  region: string;
  regionNames: string[];
  province: string | null;
  city: string | null;
  insurance: string[];
  year: number | null;
  state: string;
  published: number;
  updated: number;
  answerCount: number;
  /** The latest answer's advisor (id) and date, for "who answered, when" beside a result. */
  answerAdvisor: string | null;
  answerDate: string | null;
  /** 1 when the question has an answer to show (lib/domain/visibility.ts): ranked before open questions. */
  answered: number;
  /** Toneless pinyin of title and topics, for pinyin queries and homophone typos. */
  pinyin: string;
  /** Initials of 3–4 syllable windows of the title ("mztc"). */
  initials: string;
};

type Indexable = {
  id: string;
  slug: string;
  title: string;
  question: string | null;
  topics: string[];
  region: string;
  insurance: string[];
  year: number | null;
  state: string;
  published: string;
  updated: string | null;
  aliases?: string[];
  answers: { body: string; advisor?: string; date?: string }[];
};

const MAX_ANSWER_TEXT = 6000;

export function toSearchDocument(a: Indexable): SearchDocument {
  const region = getRegion(a.region);
  const path = region?.path ?? [];
  const published = Date.parse(a.published) / 1000;
  return {
    id: a.id,
    slug: a.slug,
    // Without the characters the highlighter uses as markers (lib/search/query.ts), so that every
    // marker in a highlighted result is one Meilisearch put there.
    title: stripPrivateUse(a.title),
    aliases: stripPrivateUse((a.aliases ?? []).join("\n")),
    question: stripPrivateUse(a.question ?? ""),
    answers: stripPrivateUse(a.answers.map((x) => markdownToPlain(x.body)).join("\n")).slice(0, MAX_ANSWER_TEXT),
    topics: a.topics,
    region: a.region,
    regionNames: a.region === NATIONWIDE ? ["全国"] : path.map((p) => p.name),
    province: region?.provinceCode ?? null,
    city: region?.cityCode ?? null,
    insurance: a.insurance,
    year: a.year ?? null,
    state: a.state,
    published,
    updated: a.updated ? Date.parse(a.updated) / 1000 : published,
    answerCount: a.answers.length,
    ...latestAnswer(a.answers),
    answered: isAnswered(a.state) ? 1 : 0,
    pinyin: pinyinField(`${a.title} ${(a.aliases ?? []).join(" ")} ${a.topics.join(" ")}`),
    initials: initialsField([a.title, ...(a.aliases ?? [])].join(" ")),
  };
}

function latestAnswer(answers: Indexable["answers"]): { answerAdvisor: string | null; answerDate: string | null } {
  const latest = answers.filter((x) => x.date).sort((x, y) => y.date!.localeCompare(x.date!))[0];
  return { answerAdvisor: latest?.advisor ?? null, answerDate: latest?.date ?? null };
}
