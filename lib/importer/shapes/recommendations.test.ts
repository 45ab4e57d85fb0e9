import { expect, it } from "vitest";
import { toLines } from "../text.ts";
import { parseRecommendations } from "./recommendations.ts";

it("pairs each related question with its description, even one that ends in a question mark", () => {
  const { items } = parseRecommendations(
    toLines("职工医保断缴三个月还能报销吗\n\n上个月没交上，这个月住院了，能报吗？\n\n灵活就业医保每月交多少钱\n\n我想了解一下自己交职工医保的标准。\n"),
  );
  expect(items.map((i) => [i.title, i.body])).toEqual([
    ["职工医保断缴三个月还能报销吗", "上个月没交上，这个月住院了，能报吗？"],
    ["灵活就业医保每月交多少钱", "我想了解一下自己交职工医保的标准。"],
  ]);
});
