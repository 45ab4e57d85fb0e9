// An article in the form it is stored: citations tied to an answer travel with that answer (they are
// part of its revisions), the others stay on the article. The content hashes are taken of this form, so
// the same content gives the same hashes whichever channel it came through (a file, the web app, an
// export read back in).
import { createHash } from "node:crypto";
import type { Article, ArticleState, Citation } from "../domain/schema.ts";

export type AnswerRecord = { advisor: string; date: string; body: string; citations: Omit<Citation, "answer">[] };

export type ArticleRecord = {
  slug: string;
  state: ArticleState;
  title: string;
  question: string | null;
  region: string;
  insurance: string[];
  topics: string[];
  year: number | null;
  published: string;
  updated: string | null;
  related: string[];
  /** 相似问法: other phrasings of the question. */
  aliases: string[];
  citations: Citation[];
  source: string | null;
  answers: AnswerRecord[];
};

const sha = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 32);

// Fixed key order: JSON.stringify follows insertion order, so every citation is rebuilt in this order.
function citation(c: Citation): Citation {
  const out: Citation = { title: c.title };
  if (c.article !== undefined) out.article = c.article;
  if (c.number !== undefined) out.number = c.number;
  if (c.quote !== undefined) out.quote = c.quote;
  if (c.url !== undefined) out.url = c.url;
  if (c.answer !== undefined) out.answer = c.answer;
  return out;
}

export function toRecord(a: Article): ArticleRecord {
  return {
    slug: a.slug,
    state: a.status,
    title: a.title,
    question: a.question ?? null,
    region: a.region,
    insurance: a.insurance,
    topics: a.topics,
    year: a.year ?? null,
    published: a.published,
    updated: a.updated ?? null,
    related: a.related,
    aliases: a.aliases ?? [],
    citations: a.citations.filter((c) => c.answer === undefined).map(citation),
    source: a.source ?? null,
    answers: a.answers.map((x, i) => ({
      advisor: x.advisor,
      date: x.date,
      body: x.body,
      citations: a.citations.filter((c) => c.answer === i + 1).map(({ answer: _answer, ...c }) => citation(c)),
    })),
  };
}

/** Back to the file format's shape: answer citations carry their answer number again. */
export function fromRecord(r: ArticleRecord): Article {
  return {
    slug: r.slug,
    title: r.title,
    ...(r.question !== null ? { question: r.question } : {}),
    region: r.region,
    insurance: r.insurance as Article["insurance"],
    topics: r.topics,
    ...(r.year !== null ? { year: r.year } : {}),
    published: r.published,
    ...(r.updated !== null ? { updated: r.updated } : {}),
    status: r.state,
    related: r.related,
    ...(r.aliases.length ? { aliases: r.aliases } : {}),
    citations: [...r.citations, ...r.answers.flatMap((x, i) => x.citations.map((c) => citation({ ...c, answer: i + 1 })))],
    ...(r.source !== null ? { source: r.source } : {}),
    answers: r.answers.map(({ advisor, date, body }) => ({ advisor, date, body })),
  };
}

export function revisionHash(x: AnswerRecord): string {
  return sha([x.advisor, x.date, x.body, x.citations.map(citation)]);
}

export function articleHash(r: ArticleRecord): string {
  return sha([
    r.slug, r.state, r.title, r.question, r.region, r.insurance, r.topics, r.year, r.published, r.updated,
    r.related, r.citations.map(citation), r.source, r.answers.map(revisionHash),
    // Only when there are any: articles without aliases keep the hashes they had before aliases existed.
    ...(r.aliases.length ? [r.aliases] : []),
  ]);
}
