// What the benchmarks compute: percentiles of timings, and ranking metrics for graded judgments (slug → 0, 1, 2).

/** The p-th percentile (nearest rank, from below) of `xs`, which it leaves unsorted. */
export function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const median = (xs: number[]) => percentile(xs, 50);

export function ndcgAt(ranked: string[], grades: Record<string, number>, k: number): number {
  const dcg = ranked.slice(0, k).reduce((s, slug, i) => s + (2 ** (grades[slug] ?? 0) - 1) / Math.log2(i + 2), 0);
  const ideal = Object.values(grades).sort((a, b) => b - a).slice(0, k).reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
  return ideal ? dcg / ideal : 0;
}

export function reciprocalRank(ranked: string[], grades: Record<string, number>): number {
  const i = ranked.findIndex((s) => (grades[s] ?? 0) > 0);
  return i < 0 ? 0 : 1 / (i + 1);
}

export function recallAt(ranked: string[], grades: Record<string, number>, k: number): number {
  const relevant = Object.entries(grades).filter(([, g]) => g > 0).map(([s]) => s);
  if (!relevant.length) return 0;
  const top = new Set(ranked.slice(0, k));
  return relevant.filter((s) => top.has(s)).length / relevant.length;
}
