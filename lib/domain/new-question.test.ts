import { expect, it } from "vitest";
import { articleSchema } from "./schema.ts";
import { newQuestion } from "./new-question.ts";

it("is an unanswered question dated today in China, for both insurances unless one was named", () => {
  const q = newQuestion({ slug: "yidi-jiuyi", title: "异地就医怎么备案？", region: "520500", topics: ["异地就医"] }, "2026-12-08");
  expect(q).toEqual({ slug: "yidi-jiuyi", title: "异地就医怎么备案？", region: "520500", insurance: ["employee", "resident"], topics: ["异地就医"], published: "2026-12-08", status: "unanswered", related: [], citations: [], answers: [] });
  expect(articleSchema.safeParse(q).success).toBe(true);
  const asked = newQuestion({ slug: "a", title: "孩子的医保在哪交？", question: "刚出生", region: "000000", insurance: ["resident"], topics: ["参保登记"], year: 2026, status: "pending" }, "2026-12-08");
  expect(asked).toMatchObject({ question: "刚出生", insurance: ["resident"], year: 2026, status: "pending" });
});
