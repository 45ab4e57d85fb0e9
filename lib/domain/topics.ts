// The topics of a question from its own words, in one rule for every channel that files a question
// without a person choosing them: a reader's question, a content gap turned into a question, an
// imported page. The words are the topic vocabulary's names and aliases and the phrasings below; the
// topics come in the order the text mentions them (an earlier text, the title, before a later one, the
// description), the longer match first where two start together (异地就医备案 before 异地就医). Pure.
import type { TopicVocabulary } from "./schema.ts";

// Topic names from content/topics.yaml, with patterns for how people phrase them that a list of aliases
// cannot hold. Used alongside the vocabulary's own names and aliases (and alone when none is given).
const TOPIC_PATTERNS: [RegExp, string][] = [
  [/异地|跨省|跨市|外地|外省|省内.{0,4}(?:就医|报销|结算)/u, "异地就医"],
  [/备案/u, "异地就医备案"],
  [/门诊统筹|门诊共济|普通门诊|门诊.{0,3}报|门诊费/u, "门诊统筹"],
  [/住院/u, "住院报销"],
  [/慢特病|慢性病|特殊病|门特|门慢|特定病种/u, "门诊慢特病"],
  [/生育|产检|生孩子|分娩|顺产|剖腹产/u, "生育保险"],
  [/[缴交](?:费|纳|医保|社保|新农合|农合|医疗保险|保险|多少|够|满|吗|几年|多久|到)|(?:继续|还要|要|怎么|如何|在哪|哪里|去哪)[缴交]/u, "缴费"],
  [/断缴|断交|补缴|停保|暂停缴费/u, "断缴"],
  [/个人账户|个账/u, "个人账户"],
  [/(?<!门诊)共济/u, "家庭共济"],
  [/起付/u, "起付线"],
  [/封顶|最高支付限额|报销额度|报销上限/u, "最高支付限额"],
  [/报销比例|支付比例|报多少|报销多少/u, "报销比例"],
  [/定点/u, "定点医疗机构"],
  [/医保卡|社保卡|社会保障卡/u, "社保卡"],
  [/医保码|电子凭证|电子医保/u, "医保电子凭证"],
  [/新农合|居民医保|城乡居民|城镇居民|合作医疗|农村医保|居民医疗保险|居民基本医疗保险/u, "城乡居民医保"],
  [/参保(?!人)/u, "参保登记"],
  [/灵活就业/u, "灵活就业"],
  [/大病/u, "大病保险"],
  [/医疗救助/u, "医疗救助"],
  [/转移|接续/u, "转移接续"],
  [/目录|自费药|甲类|乙类/u, "医保目录"],
];

export type TopicOptions = {
  max?: number;
  /** The topic when none is recognised; null: none (the caller has its own fallback). */
  fallback?: string | null;
};

/** The topic a reader's question gets when its words name none (a moderator or advisor changes it). */
export const READER_FALLBACK_TOPIC = "读者提问";

export function inferTopics(texts: string | string[], vocabulary: TopicVocabulary = [], o: TopicOptions = {}): string[] {
  const found: { name: string; at: number; len: number }[] = [];
  (typeof texts === "string" ? [texts] : texts).forEach((text, t) => {
    const offset = t * 100_000;
    for (const topic of vocabulary) {
      for (const word of [topic.name, ...topic.aliases]) {
        const i = text.indexOf(word);
        if (i >= 0) found.push({ name: topic.name, at: offset + i, len: word.length });
      }
    }
    for (const [re, name] of TOPIC_PATTERNS) {
      const m = re.exec(text);
      if (m) found.push({ name, at: offset + m.index, len: m[0].length });
    }
  });
  found.sort((a, b) => a.at - b.at || b.len - a.len);
  const names: string[] = [];
  for (const f of found) if (!names.includes(f.name) && names.length < (o.max ?? 3)) names.push(f.name);
  const fallback = o.fallback === undefined ? READER_FALLBACK_TOPIC : o.fallback;
  return names.length || fallback === null ? names : [fallback];
}
