// Does a query name a drug? Meilisearch proposes candidates from the drug index (lib/search/drugs.ts);
// this decides, in process and from the names alone, which of them the query names: by name, by pinyin,
// by initials, or with one wrong character. A card is shown only for what passes here, so an article
// question that merely shares a sound or a syllable with a drug never gets one. Pure.
import type { NormalizedQuery } from "../query/normalize.ts";
import { splitSyllables, toSyllables } from "../query/pinyin.ts";
import { matchForm, nameSyllables } from "./names.ts";

export type DrugCandidate = { id: string; name: string; names: string[] };
export type MatchKind = "name" | "pinyin" | "initials" | "typo";
export type DrugMatch = { id: string; name: string; how: MatchKind; matched: string };

// Words of a question about a drug that are not its name, longest first ("二甲双胍医保能报销吗").
const QUESTION_WORDS = [
  "甲类还是乙类", "是甲类还是乙类", "医保药品目录", "国家医保目录", "医保目录", "药品目录", "报销比例", "城乡居民", "能不能报", "可以报销",
  "能报销", "报不报", "给不给报", "报多少", "多少钱", "在不在", "属不属于", "目录内", "目录外", "目录里", "医保卡", "医保", "社保", "报销", "能报",
  "可以报", "甲类", "乙类", "丙类", "甲乙类", "目录", "属于", "自费", "职工", "居民", "门诊", "住院", "异地", "比例", "多少", "价格",
  "药品", "中成药", "西药", "饮片", "这个药", "这种药", "什么药", "哪类",
].sort((a, b) => b.length - a.length);
const QUESTION_RE = new RegExp(QUESTION_WORDS.join("|"), "g");
// Single characters trimmed only at the ends of what is left: inside a name they belong to it (开塞露).
const EDGE_CHARS = /^[能可以在吗呢么的药是不算报里类吃用买开给还]+|[能可以在吗呢么的药是不算报里类吃用买开给还]+$/g;

/** The query's words without those that ask about a drug, spaces between what is left. */
export function withoutQuestionWords(text: string): string {
  return text.replace(QUESTION_RE, " ").replace(/\s+/g, " ").trim();
}

/** The query without the words that ask about a drug: what is left should be its name. */
export function nameInQuery(text: string): string {
  return matchForm(withoutQuestionWords(text)).replace(EDGE_CHARS, "");
}

const hasHan = (s: string) => /[\u4e00-\u9fff]/.test(s);

function levenshtein(a: string[], b: string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** Is `got` the name `want` with one character wrong? Four characters and more: one substitution,
 * insertion or deletion; three: only a character that sounds the same (an input-method slip). */
export function oneSlip(want: string, got: string): boolean {
  const w = [...want];
  const g = [...got];
  if (w.length < 3 || got === want) return false;
  if (w.length === 3) {
    if (g.length !== 3) return false;
    const diff = w.map((c, i) => (c === g[i] ? -1 : i)).filter((i) => i >= 0);
    return diff.length === 1 && toSyllables(w[diff[0]!]!).join() === toSyllables(g[diff[0]!]!).join() && hasHan(g[diff[0]!]!);
  }
  return Math.abs(w.length - g.length) <= 1 && levenshtein(w, g) === 1;
}

/** Syllables `q` with one syllable wrong, missing or extra against `want` (four syllables and more:
 * three-syllable pinyin slips are too often another word, qifuxian → 七氟烷). */
function oneSyllableSlip(want: string[], q: string[]): boolean {
  return want.length >= 4 && Math.abs(want.length - q.length) <= 1 && levenshtein(want, q) === 1;
}

const initialsOf = (syllables: string[]) => syllables.map((s) => s[0]!).join("");

/** Syllables of a pinyin or mixed query ("ermoshuanggua", "二甲shuanggua"); null when not readable. */
export function querySyllables(nq: NormalizedQuery): string[] | null {
  if (nq.kind === "pinyin") return nq.pinyin!.split(" ");
  if (nq.kind !== "mixed") return null;
  const out: string[] = [];
  for (const part of nq.text.replace(/\s+/g, "").match(/[\u4e00-\u9fff]+|[a-z]+|[^\u4e00-\u9fffa-z]+/g) ?? []) {
    if (hasHan(part)) out.push(...toSyllables(part));
    else if (/^[a-z]+$/.test(part)) {
      const s = splitSyllables(part);
      if (!s) return null;
      out.push(...s);
    } else return null;
  }
  return out;
}

/** Letters alone ("ejsg", "jasblf"): possibly initials, whatever the normaliser made of the vowels. */
export function initialsInQuery(nq: NormalizedQuery): string | null {
  const letters = nq.kind === "initials" ? nq.pinyin! : nq.kind === "mixed" && /^[a-z]+$/.test(nq.text) ? nq.text : null;
  return letters && letters.length >= 3 && letters.length <= 12 ? letters : null;
}

/** What is left of the query once the question words are gone, with and without trimming its edges
 * (药用炭 begins with a character questions also end with). */
export function restsOf(nq: NormalizedQuery): string[] {
  return [...new Set([nameInQuery(nq.text), matchForm(withoutQuestionWords(nq.text))])].filter((r) => hasHan(r));
}

const RANK: Record<MatchKind, number> = { name: 0, pinyin: 1, initials: 2, typo: 3 };

/**
 * The drugs a query names, best first: names written out (the longest when one name holds another:
 * 瑞格列奈二甲双胍 before 二甲双胍), then pinyin, initials, and a name with one character wrong. A slip
 * on a longer name wins over a shorter name written out inside it (缬沙坦倾氯噻嗪 is 缬沙坦氢氯噻嗪,
 * not 缬沙坦), unless the query is that shorter name and nothing else.
 */
export function matchDrugs(nq: NormalizedQuery, candidates: DrugCandidate[]): DrugMatch[] {
  if (nq.kind === "empty") return [];
  const whole = matchForm(nq.display);
  const rests = nq.kind === "chinese" || nq.kind === "mixed" ? restsOf(nq) : [];
  const syl = querySyllables(nq);
  const letters = syl?.join("") ?? (nq.kind === "pinyin" ? nq.pinyin!.replace(/ /g, "") : "");
  const initials = initialsInQuery(nq);
  const found: (DrugMatch & { len: number; order: number })[] = [];
  const add = (c: DrugCandidate, how: MatchKind, matched: string, order: number) => found.push({ id: c.id, name: c.name, how, matched, len: [...matchForm(matched)].length, order });

  candidates.forEach((c, order) => {
    const forms = c.names.map((n) => ({ n, f: matchForm(n), s: nameSyllables(n) })).filter((x) => x.f.length >= 2);
    if (rests.length) {
      // Two-character names (叶酸, 肝素) only when they are all the query asks about: inside a longer
      // question they are too often part of another word.
      const named = forms.filter(({ f }) => hasHan(f) && whole.includes(f) && ([...f].length > 2 || rests.includes(f)));
      const best = named.sort((a, b) => b.f.length - a.f.length)[0];
      if (best) add(c, "name", best.n, order);
      const slip = forms.find(({ f, s }) => hasHan(f) && rests.some((r) => oneSlip(f, r) || ([...r].length >= 3 && [...r].length === [...f].length && r !== f && s.join(" ") === toSyllables(r).join(" "))));
      if (slip && !best) add(c, "typo", slip.n, order);
      return;
    }
    if (letters) {
      const hit = forms.filter(({ s }) => (s.length >= 3 || (s.length === 2 && s.join("") === letters)) && letters.includes(s.join("")));
      const best = hit.sort((a, b) => b.s.length - a.s.length)[0];
      if (best) return add(c, "pinyin", best.n, order);
    }
    if (initials) {
      const hit = forms.find(({ s }) => initialsOf(s) === initials);
      if (hit) return add(c, "initials", hit.n, order);
    }
    if (syl) {
      const slip = forms.find(({ s }) => oneSyllableSlip(s, syl));
      if (slip) add(c, "typo", slip.n, order);
    }
  });
  const typos = found.filter((m) => m.how === "typo");
  const kept = found.filter((m) => {
    if (m.how !== "name") return true;
    const f = matchForm(m.matched);
    // A shorter name inside a longer one also found is not what was asked about.
    if (found.some((o) => o !== m && o.how === "name" && o.len > m.len && matchForm(o.matched).includes(f))) return false;
    if (rests.includes(f)) return true;
    return !typos.some((t) => t.len > m.len && matchForm(t.matched).includes(f));
  });
  // The query is exactly a listed name: no slips beside it.
  const exact = kept.some((m) => m.how === "name" && rests.includes(matchForm(m.matched)));
  return kept
    .filter((m) => m.how !== "typo" || !exact)
    .sort((a, b) => RANK[a.how] - RANK[b.how] || b.len - a.len || a.order - b.order)
    .map(({ id, name, how, matched }) => ({ id, name, how, matched }));
}

// A query that asks whether something is covered, or names a dosage form: a drug question, even when
// the drug is not in the Western part held here.
const FORM_WORDS = /[\u4e00-\u9fff](片|胶囊|颗粒|丸|口服液|注射液|注射剂|针剂|糖浆|软膏|乳膏|膏药|贴剂|贴膏|合剂|滴眼液|眼药水|喷雾剂|栓剂|冲剂|凝胶|气雾剂|滴丸|散剂|口服溶液)$/;
const NOT_A_DRUG = /(照片|名片|图片|卡片|相片|影片|底片|胶片)$/;
// What is left when a question is about the list itself (甲类乙类药品报销区别), not about one drug.
const ABOUT_THE_LIST = /区别|区分|意思|哪些|什么|规定|政策|范围|标准|怎么|如何|药店|医院|定点|处方|分类|调整|新增|新版|查询|清单/;
const CATALOGUE_WORDS = /医保目录|药品目录|目录内|目录外|甲类|乙类|中成药|中药|饮片|西药|药品|这个药|这种药/;

/** Whether a query with no listed drug still asks about a drug (→ the "not included here" card), and
 * the name it seems to ask about when one can be told. */
export function drugQuestion(nq: NormalizedQuery): { asks: boolean; name?: string } {
  if (nq.kind !== "chinese") return { asks: false };
  const rest = nameInQuery(nq.text);
  const han = rest.replace(/[^\u4e00-\u9fff]/g, "");
  if (FORM_WORDS.test(rest) && !NOT_A_DRUG.test(rest) && han.length >= 3) return { asks: true, name: rest };
  if (CATALOGUE_WORDS.test(nq.text) && han.length >= 2 && han.length <= 12 && !ABOUT_THE_LIST.test(rest)) return { asks: true, name: rest };
  return { asks: false };
}
