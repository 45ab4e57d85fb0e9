import { expect, it } from "vitest";
import { articleHash, toRecord } from "../articles/record.ts";
import type { Article } from "../domain/schema.ts";
import { formatQuestion } from "./format.ts";
import { parseQuestion } from "./parse.ts";

const article: Article = {
  slug: "bijie-menzhen-tongchou",
  title: "毕节居民医保门诊统筹报多少？",
  question: "在村卫生室看病，能报多少：比例:90% 吗？\n第二行",
  region: "520500",
  insurance: ["resident"],
  topics: ["门诊统筹"],
  year: 2025,
  published: "2025-03-01",
  status: "published",
  related: ["yidi-beian"],
  citations: [
    { title: "中华人民共和国社会保险法", article: "第二十九条", url: "https://www.gov.cn/flfg/2010-10/28/content_1732964.htm" },
    { title: "毕节市城乡居民基本医疗保险实施办法", number: "毕府办发〔2024〕1号", answer: 1 },
  ],
  answers: [
    { advisor: "wang-lin", date: "2025-03-02", body: "村卫生室报 **90%**。\n\n::calculator{region=\"520500\" year=\"2025\" insurance=\"resident\" scheme=\"outpatient\"}\n\n:::tip\n年度限额 500 元。\n:::" },
  ],
};

it("writes an article that parses back to the same stored content", () => {
  const text = formatQuestion(article);
  const back = parseQuestion(`questions/${article.slug}.md`, text, { advisors: new Set(["wang-lin"]) });
  if (!back.ok) throw new Error(JSON.stringify(back.errors));
  expect(back.article).toEqual(article);
  expect(articleHash(toRecord(back.article))).toBe(articleHash(toRecord(article)));
  expect(text).toContain('region: "520500"');
});
