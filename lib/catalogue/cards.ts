// The drug cards above search results: the drug index proposes candidates (one round of parallel
// queries, itself run beside the article search), lib/catalogue/match.ts decides which the query names.
// A drug question that names nothing listed gets the card saying which parts of the list are not held
// here — never "不在医保目录".
import "server-only";
import type { NormalizedQuery } from "../query/normalize.ts";
import { toSyllables } from "../query/pinyin.ts";
import { type DrugCardData, type DrugQuery, type DrugTarget, searchDrugs, slipVariants, soundPairs } from "../search/drugs.ts";
import { drugPath } from "../urls.ts";
import { editionLine } from "./editions.ts";
import { drugQuestion, initialsInQuery, type MatchKind, matchDrugs, querySyllables, restsOf, withoutQuestionWords } from "./match.ts";

export type ListedDrugCard = {
  kind: "drug";
  listed: true;
  id: string;
  title: string;
  url: string;
  /** How the query named it: by name, pinyin, initials, or with one character wrong ("typo"). */
  match: MatchKind;
  /** The name as the query matched it ("二甲双胍Ⅱ", "美沙拉嗪"). */
  matched: string;
  /** "2025年版，2026年1月1日起执行" */
  edition: string;
  editionTitle: string;
  classes: ("甲" | "乙")[];
  entries: DrugCardData["entries"];
};

export type UnlistedDrugCard = {
  kind: "drug";
  listed: false;
  title: string;
  /** Where to check: the national platform's 药品目录 query. */
  url: string;
  /** What the query seemed to ask about, when it could be told. */
  name?: string;
  notIncluded: string[];
  checkAt: { name: string; url?: string; phone?: string }[];
};

export type DrugCard = ListedDrugCard | UnlistedDrugCard;

export const NATIONAL_PLATFORM = { name: "国家医保服务平台（网站或 App）的“药品目录查询”", url: "https://fuwu.nhsa.gov.cn/" };
export const NOT_INCLUDED = ["中成药部分", "协议期内谈判药品部分（二）中成药", "中药饮片部分"];
const MAX_CARDS = 3;

/**
 * The candidate queries for a query, by its kind (one federated request): the name as written, the
 * pinyin, the initials, and the query's own slip variants against the index's (one character wrong,
 * missing or extra). None when nothing in the query could be a name.
 */
export function drugQueries(nq: NormalizedQuery): DrugQuery[] {
  const variants = (syllables: string[]): DrugQuery[] =>
    slipVariants(syllables).slice(0, 14).map((v) => ({ q: v, on: ["variants"], strategy: "all" }));
  const out: DrugQuery[] = [];
  if (nq.kind === "chinese" || nq.kind === "mixed") {
    const words = withoutQuestionWords(nq.text);
    if (words && /[\u4e00-\u9fff]/.test(words)) out.push({ q: words, on: ["names"], strategy: "last", weight: 2 });
    for (const rest of restsOf(nq)) out.push(...variants(toSyllables(rest)));
  }
  const syl = querySyllables(nq);
  if (syl && syl.length >= 2) {
    out.push({ q: syl.slice(0, 10).join(" "), on: ["syllables"], strategy: "frequency" });
    out.push(...variants(syl));
  }
  if (nq.kind === "pinyin") out.push({ q: nq.pinyin!.replace(/ /g, ""), on: ["variants"], strategy: "all" });
  const initials = initialsInQuery(nq);
  if (initials) out.push({ q: initials, on: ["initials"], strategy: "all" });
  const seen = new Set<string>();
  return out.filter((q) => {
    const key = `${q.on.join()}|${q.q}`;
    return !seen.has(key) && (seen.add(key), true);
  });
}

/** Whether the query shares a pair of syllables with some drug name (`pairs`: drugSoundPairs), so that
 * it could name one; letters alone (initials) always could. */
export function mayNameDrug(nq: NormalizedQuery, pairs: Set<string>): boolean {
  if (initialsInQuery(nq)) return true;
  const sounds = [...restsOf(nq).map((r) => toSyllables(r)), ...(querySyllables(nq) ? [querySyllables(nq)!] : [])];
  return sounds.some((syl) => soundPairs(syl).some((p) => pairs.has(p)));
}

/**
 * The cards for a query: the drugs it names (at most three), or the "not included here" card. With
 * `pairs`, a query that cannot name a drug is not looked up at all: most searches are about articles,
 * and the lookup would cost Meilisearch a request each.
 */
export async function findDrugCards(nq: NormalizedQuery, target: DrugTarget, pairs?: Set<string> | null): Promise<DrugCard[]> {
  const queries = pairs && !mayNameDrug(nq, pairs) ? [] : drugQueries(nq);
  const docs = queries.length ? await searchDrugs(target, queries) : [];
  const byId = new Map(docs.map((d) => [d.id, d]));
  const matches = matchDrugs(nq, docs).slice(0, MAX_CARDS);
  if (matches.length) {
    return matches.map((m) => {
      const d = byId.get(m.id)!;
      return {
        kind: "drug",
        listed: true,
        id: d.id,
        title: d.name,
        url: drugPath(d.id),
        match: m.how,
        matched: m.matched,
        edition: editionLine(d.card.edition),
        editionTitle: d.card.edition.title,
        classes: (["甲", "乙"] as const).filter((c) => d.card.entries.some((e) => e.class === c)),
        entries: d.card.entries,
      } satisfies ListedDrugCard;
    });
  }
  const q = drugQuestion(nq);
  if (!q.asks) return [];
  return [
    {
      kind: "drug",
      listed: false,
      title: q.name ? `没有在西药部分找到“${q.name}”` : "没有在西药部分找到这个药品",
      url: NATIONAL_PLATFORM.url,
      ...(q.name ? { name: q.name } : {}),
      notIncluded: NOT_INCLUDED,
      checkAt: [NATIONAL_PLATFORM, { name: "医保服务热线", phone: "12393" }],
    },
  ];
}
