// Related questions and near-duplicate phrasings ("相似问法"). Pure: articles in, lists out.
//
// Text similarity is TF-IDF cosine over character bigrams of title (twice) and question — robust for
// Chinese without a segmenter. It is combined with policy-entity affinity: same region or province,
// shared insurance type, shared topics, same year. Near-duplicates are the same question phrased
// differently; they are listed apart so that they do not fill the related list.
import { normalizeQuery } from "../query/normalize.ts";

export type RelItem = {
  slug: string;
  title: string;
  question?: string | null;
  topics: string[];
  region: string;
  insurance: string[];
  year?: number | null;
  /** Has a published answer (answered questions are preferred as neighbours). */
  answered: boolean;
  related: string[];
};

export type Relation = { slug: string; score: number };
export type Relations = { related: Relation[]; duplicates: Relation[] };

export const MAX_RELATED = 6;
export const MAX_DUPLICATES = 5;
const MAX_CANDIDATES = 120;

// Words that change the phrasing of a question but not what it asks.
const PHRASING = /是否|可不可以|可以|能否|能不能|能够|能|会不会|需要|要|应该|一般|到底|具体|请问|医保的|的|了|吗|呢|啊|吧|呀/g;

function bigrams(s: string): string[] {
  const han = s.replace(/[^\u4e00-\u9fffa-z0-9]/g, "");
  const out: string[] = [];
  for (let i = 0; i + 1 < han.length; i++) out.push(han.slice(i, i + 2));
  return out;
}

/** A sparse unit vector: bigram ids ascending, with their weights. */
type Vector = { ids: Int32Array; weights: Float64Array; rare: string[] };

export type RelationIndex = {
  items: Map<string, RelItem>;
  vectors: Map<string, Vector>;
  postings: Map<string, string[]>;
  core: Map<string, { text: string; bigrams: Set<string>; chars: Set<string> }>;
  canonical: (s: string) => string;
};

/** `synonyms` (groups) make 小孩/孩子, 社保卡/医保卡 … the same word for similarity. */
export function buildRelationIndex(items: RelItem[], synonyms: string[][] = []): RelationIndex {
  const replacements = synonyms
    .flatMap((g) => g.slice(1).map((w) => [w, g[0]!] as const))
    .sort((a, b) => b[0].length - a[0].length);
  const synRe = replacements.length ? new RegExp(replacements.map(([w]) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g") : null;
  const synMap = new Map(replacements);
  const canonical = (s: string) => {
    const t = normalizeQuery(s).text; // question scaffolding (怎么, 吗 …) removed
    return synRe ? t.replace(synRe, (m) => synMap.get(m) ?? m) : t;
  };

  const tf = new Map<string, Map<string, number>>();
  const df = new Map<string, number>();
  const core: RelationIndex["core"] = new Map();
  for (const it of items) {
    const title = canonical(it.title);
    const text = title.replace(PHRASING, "").replace(/[^\u4e00-\u9fffa-z0-9]/g, "");
    core.set(it.slug, { text, bigrams: new Set(bigrams(text)), chars: new Set(text) });
    const counts = new Map<string, number>();
    for (const g of [...bigrams(title), ...bigrams(title), ...bigrams(canonical(it.question ?? "").slice(0, 200))]) counts.set(g, (counts.get(g) ?? 0) + 1);
    tf.set(it.slug, counts);
    for (const g of counts.keys()) df.set(g, (df.get(g) ?? 0) + 1);
  }
  const n = items.length;
  // Bigrams in a large share of the corpus ("医保") say little and would make candidate lists huge.
  const maxDf = Math.max(20, n * 0.05);
  const gramId = new Map<string, number>();
  for (const g of df.keys()) gramId.set(g, gramId.size);
  const vectors = new Map<string, Vector>();
  const postings = new Map<string, string[]>();
  for (const [slug, counts] of tf) {
    const entries = [...counts].map(([g, c]) => [gramId.get(g)!, (1 + Math.log(c)) * Math.log(1 + n / df.get(g)!), g] as const);
    entries.sort((a, b) => a[0] - b[0]);
    const norm = Math.sqrt(entries.reduce((s, [, w]) => s + w * w, 0)) || 1;
    vectors.set(slug, {
      ids: Int32Array.from(entries, (e) => e[0]),
      weights: Float64Array.from(entries, (e) => e[1] / norm),
      // Candidate lookup walks the rarest bigrams first (see computeRelations).
      rare: entries.map((e) => e[2]).filter((g) => df.get(g)! <= maxDf).sort((a, b) => df.get(a)! - df.get(b)!).slice(0, 24),
    });
    for (const g of counts.keys()) {
      if (df.get(g)! > maxDf) continue;
      let p = postings.get(g);
      if (!p) postings.set(g, (p = []));
      p.push(slug);
    }
  }
  return { items: new Map(items.map((i) => [i.slug, i])), vectors, postings, core, canonical };
}

function cosine(a: Vector, b: Vector): number {
  let s = 0;
  for (let i = 0, j = 0; i < a.ids.length && j < b.ids.length; ) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) s += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return s;
}

function affinity(a: RelItem, b: RelItem): number {
  let s = 0;
  const shared = a.topics.filter((t) => b.topics.includes(t)).length;
  s += Math.min(shared, 2) * 0.12;
  if (a.region === b.region) s += a.region === "000000" ? 0.04 : 0.12;
  else if (a.region !== "000000" && b.region !== "000000" && a.region.slice(0, 2) === b.region.slice(0, 2)) s += 0.06;
  else if (a.region === "000000" || b.region === "000000") s += 0.02;
  if (a.insurance.some((i) => b.insurance.includes(i))) s += 0.05;
  if (a.year && b.year && a.year === b.year) s += 0.04;
  return s;
}

/** Text similarity of two indexed items, 0…1 (TF-IDF cosine of their bigrams). */
export function textSimilarity(ix: RelationIndex, a: string, b: string): number {
  const x = ix.vectors.get(a);
  const y = ix.vectors.get(b);
  return x && y ? cosine(x, y) : 0;
}

/** Same question, other words: the cores (phrasing words removed) nearly coincide. */
export function isNearDuplicate(ix: RelationIndex, a: string, b: string): boolean {
  const x = ix.core.get(a);
  const y = ix.core.get(b);
  // The same words about another place are another question (九江's rules are not the nation's).
  if (!x?.text || !y?.text || ix.items.get(a)!.region !== ix.items.get(b)!.region) return false;
  if (x.text === y.text) return true;
  let common = 0;
  for (const g of x.bigrams) if (y.bigrams.has(g)) common++;
  const dice = (2 * common) / (x.bigrams.size + y.bigrams.size || 1);
  if (dice >= 0.6) return true;
  // Reordered phrasing ("住院了在外省怎么报" / "在外省住院怎么报销"): nearly every character of the shorter
  // core appears in the longer, the lengths are close, and some bigrams are shared.
  const [short, long] = x.text.length <= y.text.length ? [x, y] : [y, x];
  const contained = [...short.text].filter((c) => long.chars.has(c)).length / short.text.length;
  return contained >= 0.85 && dice >= 0.2 && long.text.length <= short.text.length * 1.6;
}

export function computeRelations(ix: RelationIndex, slug: string): Relations {
  const me = ix.items.get(slug);
  const mine = ix.vectors.get(slug);
  if (!me || !mine) return { related: [], duplicates: [] };
  // Candidates from the rarest shared bigrams first, bounded, so that one article costs the same in a
  // corpus of 60 or of 100,000.
  const candidates = new Set<string>();
  for (const g of mine.rare) {
    for (const s of ix.postings.get(g)!) {
      if (candidates.size >= MAX_CANDIDATES) break;
      candidates.add(s);
    }
  }
  // Articles sharing a topic are candidates even when their wording differs entirely.
  if (candidates.size < 50) {
    for (const it of ix.items.values()) {
      if (candidates.size >= MAX_CANDIDATES) break;
      if (it.topics.some((t) => me.topics.includes(t))) candidates.add(it.slug);
    }
  }
  candidates.delete(slug);

  const scored: Relation[] = [];
  const duplicates: Relation[] = [];
  for (const other of candidates) {
    const it = ix.items.get(other)!;
    const text = cosine(mine, ix.vectors.get(other)!);
    // Rephrasings share wording; the cosine screens out pairs that cannot be one.
    if (text >= 0.1 && isNearDuplicate(ix, slug, other)) {
      duplicates.push({ slug: other, score: text });
      continue;
    }
    const aff = affinity(me, it);
    if (text < 0.05 && aff < 0.12) continue;
    // Readers of an unanswered question want answers; everyone prefers answered questions.
    const answered = it.answered ? 0 : -0.1;
    scored.push({ slug: other, score: 0.6 * text + aff + answered });
  }
  const rank = (a: Relation, b: Relation) => b.score - a.score || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
  scored.sort(rank);
  duplicates.sort(rank);

  const dupSet = new Set(duplicates.map((d) => d.slug));
  const curated = me.related.filter((s) => s !== slug && ix.items.has(s) && !dupSet.has(s)).map((s) => ({ slug: s, score: 1 }));
  const taken = new Set(curated.map((c) => c.slug));
  const pool = !me.answered ? scored.filter((s) => ix.items.get(s.slug)!.answered) : scored;
  const related = [...curated, ...pool.filter((s) => !taken.has(s.slug))].slice(0, MAX_RELATED);
  return { related, duplicates: duplicates.slice(0, MAX_DUPLICATES) };
}
