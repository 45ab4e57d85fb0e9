import { expect, it } from "vitest";
import { median, ndcgAt, percentile, recallAt, reciprocalRank } from "./metrics.ts";

it("scores a perfect ranking 1 and a useless one 0", () => {
  const g = { a: 2, b: 1 };
  expect(ndcgAt(["a", "b", "x"], g, 10)).toBeCloseTo(1);
  expect(ndcgAt(["x", "y"], g, 10)).toBe(0);
  expect(ndcgAt(["b", "a"], g, 10)).toBeLessThan(1);
  expect(reciprocalRank(["x", "b"], g)).toBe(0.5);
  expect(recallAt(["a", "x"], g, 10)).toBe(0.5);
});

it("takes percentiles by nearest rank without reordering the timings it is given", () => {
  const xs = [40, 10, 30, 20, 50];
  expect(median(xs)).toBe(30);
  expect(percentile(xs, 95)).toBe(50);
  expect(percentile(xs, 0)).toBe(10);
  expect(xs).toEqual([40, 10, 30, 20, 50]);
});
