// The one shape of a question nobody has answered yet, whoever starts it: an advisor in the authoring
// app (unanswered, in the queue), a reader (pending until a moderator accepts it) or a reviewer turning
// a content gap into a question. Dated today in China; both insurances when the asker named neither.
import { todayInChina } from "./dates.ts";
import type { Article, Insurance } from "./schema.ts";
import { ASKED, OPEN } from "./visibility.ts";

export type NewQuestionFields = {
  slug: string;
  title: string;
  question?: string;
  region: string;
  insurance?: Insurance[];
  topics: string[];
  year?: number;
  /** OPEN (an advisor's or a gap's question) unless a reader asked it (ASKED). */
  status?: typeof OPEN | typeof ASKED;
};

export function newQuestion(f: NewQuestionFields, today: string = todayInChina()): Article {
  return {
    slug: f.slug,
    title: f.title,
    ...(f.question ? { question: f.question } : {}),
    region: f.region,
    insurance: f.insurance?.length ? f.insurance : ["employee", "resident"],
    topics: f.topics,
    ...(f.year ? { year: f.year } : {}),
    published: today,
    status: f.status ?? OPEN,
    related: [],
    citations: [],
    answers: [],
  };
}
