// What the importer throws away, and how it decides whether a recommended question belongs in a
// 医保 knowledge base. Pure.
import { type Line, isBlank } from "./text.ts";
import type { DroppedBlock } from "./types.ts";

type BoilerplateRule = {
  name: string;
  re: RegExp;
  /** Also drop the following lines of the same block (same or deeper indentation, up to a blank line). */
  block?: boolean;
};

// Site furniture and disclaimers. They are not the answerer's words about the question, and every
// page repeats them; keeping them would make each imported answer end with the same noise.
const BOILERPLATE: BoilerplateRule[] = [
  { name: "温馨提示", re: /^【?温馨提示】?[:：]?\s*$|^【温馨提示】/u, block: true },
  { name: "仅供参考", re: /^(?:以上|上述)(?:回答|内容|解答|信息).{0,60}(?:仅供参考|谨慎.{0,6}参考)/u },
  { name: "未面谈", re: /^(?:律师|专家|AI|医生)?回答仅供参考|^未面谈及查看证据材料/u },
  { name: "仍有疑问", re: /^如果您对该问题仍有疑问/u },
  { name: "不能代替面诊", re: /本内容不能代替面诊|如有不适请尽快就医/u },
  { name: "加载中", re: /^(?:加载中|正在加载|加载更多|查看更多|展开全部|收起)[.。…]*$/u },
  { name: "推荐数", re: /^为您推荐\s*\d+\s*(?:个|条)相关(?:问题|内容|推荐)$/u },
  { name: "浏览量", re: /^(?:浏览|阅读|查看|围观)(?:量|数|次数)?[:：]?\s*\d[\d,.万wk+]*\s*(?:次|人)?$|^\d[\d,.万]*\s*(?:次浏览|人看过|人浏览|阅读|浏览)$/u },
  { name: "互动按钮", re: /^(?:点赞|收藏|分享|举报|有用|没用|赞同|反对|追问|采纳)(?:\s*\d+)?$/u },
];

export function boilerplateName(text: string): string | undefined {
  return BOILERPLATE.find((r) => r.re.test(text.trim()))?.name;
}

/** Remove boilerplate lines (and whole 温馨提示 blocks); report each removed block once. */
export function stripBoilerplate(lines: Line[]): { kept: Line[]; dropped: DroppedBlock[] } {
  const kept: Line[] = [];
  const dropped: DroppedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const rule = isBlank(line) ? undefined : BOILERPLATE.find((r) => r.re.test(line.text.trim()));
    if (!rule) {
      kept.push(line);
      continue;
    }
    const text = [line.text.trim()];
    if (rule.block) {
      while (i + 1 < lines.length && !isBlank(lines[i + 1]) && lines[i + 1]!.indent >= line.indent && !startsOtherBoilerplate(lines[i + 1]!, rule)) {
        text.push(lines[++i]!.text.trim());
      }
    }
    dropped.push({ reason: "boilerplate", text: text.join(" ") });
  }
  return { kept, dropped };
}

// The sentences a 温馨提示 block is made of; any other boilerplate line starts a block of its own.
const PART_OF_TIP = new Set(["仅供参考", "仍有疑问"]);

function startsOtherBoilerplate(line: Line, current: BoilerplateRule): boolean {
  const rule = BOILERPLATE.find((r) => r.re.test(line.text.trim()));
  return !!rule && rule.name !== current.name && !PART_OF_TIP.has(rule.name);
}

// ---------------------------------------------------------------------------------------------
// On-topic check for recommended questions.
//
// Strong terms name medical insurance or social security outright: a title with one is on topic.
// Weak terms (住院, 门诊, 定点, 备案 …) are also used by hospital adverts and symptom pages, so they
// count only when the title has none of the off-topic markers below.

export const STRONG_TERMS = [
  "医保", "医疗保险", "医疗保障", "社保", "社会保险", "社会保障", "报销", "参保", "缴费", "交费", "续保",
  "新农合", "农合", "合作医疗", "农村医保", "城乡居民", "居民医保", "职工医保", "个人账户", "统筹基金",
  "门诊统筹", "门诊共济", "住院统筹", "异地就医", "异地结算", "直接结算", "起付线", "起付标准", "封顶线",
  "最高支付限额", "支付比例", "医保卡", "社保卡", "社会保障卡", "医保码", "电子凭证", "生育保险", "生育津贴",
  "养老保险", "养老金", "失业保险", "工伤保险", "工伤认定", "大病保险", "医疗救助", "慢特病", "门特",
  "医保目录", "断缴", "补缴", "灵活就业", "惠民保",
] as const;

export const WEAK_TERMS = ["住院", "门诊", "定点", "备案", "统筹", "共济", "结算", "退休", "税务", "医疗费", "药费", "生育", "产检"] as const;

// Markers of recommendation items that are not about insurance: hospital adverts, symptoms and
// treatment, debts and lawsuits, other legal areas.
export const OFF_TOPIC =
  /(什么医院|哪家医院|医院好|医院排名|哪个医院|挂什么科|症状|病症|前兆|是什么病|什么原因|怎么治|如何治|治疗|偏方|吃什么|吃药|疼|痛|肿|痒|怀孕.{0,4}(?:症状|反应)|债务|欠款|欠钱|欠债|借款|借钱|还款|抵押|担保|起诉|诉讼|开庭|判决|执行期限|结案|离婚|抚养|彩礼|继承|遗产|房产|拆迁|交通事故.{0,4}(?:责任|赔偿)|刑事|减肥|美容|整形)/u;

export function findTerms(text: string, terms: readonly string[]): string[] {
  return terms.filter((t) => text.includes(t));
}

export type TopicVerdict = { onTopic: boolean; reason: string };

/**
 * Is a question about medical insurance or social security? Decided on the title; `context` (the
 * asker's description or an answer) only rescues titles that have no off-topic marker.
 */
export function classifyTopic(title: string, context = ""): TopicVerdict {
  const strong = findTerms(title, STRONG_TERMS);
  if (strong.length) return { onTopic: true, reason: `mentions ${strong[0]}` };
  const off = OFF_TOPIC.exec(title);
  if (off) return { onTopic: false, reason: `about "${off[1]}", not insurance` };
  const weak = findTerms(title, WEAK_TERMS);
  if (weak.length) return { onTopic: true, reason: `mentions ${weak[0]}` };
  const inContext = findTerms(context, STRONG_TERMS);
  if (new Set(inContext).size >= 2) return { onTopic: true, reason: `description mentions ${inContext[0]}` };
  return { onTopic: false, reason: "no 医保/社保 term" };
}
