// Deterministic synthetic articles for benchmarks: realistic-looking 医保 questions assembled from
// fragments with a seeded PRNG, so every run and machine gets the same corpus.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

const CITIES = ["520500", "210300", "650200", "421200", "130700", "510100", "440100", "360400", "110000", "310000", "330100", "420100"];
const TOPICS = ["异地就医", "异地就医备案", "门诊统筹", "住院报销", "门诊慢特病", "个人账户", "家庭共济", "缴费", "生育保险", "医保电子凭证", "大病保险", "定点医疗机构"];
const WHO = ["我妈", "我爸", "孩子", "我老公", "退休的父亲", "灵活就业的我", "在外打工的我", "刚毕业的我"];
const ACTS = ["在外省住院", "去县医院看门诊", "做了个小手术", "买了慢性病的药", "在私立医院看病", "生孩子住院", "急诊抢救", "在药店买药"];
const ASKS = ["怎么报销", "能报多少", "需要备案吗", "起付线是多少", "要带什么材料", "可以直接结算吗", "报销比例是多少", "有没有年度限额"];
const PARTS = [
  "先确认就诊的医院是不是医保定点医疗机构，",
  "跨省就医需要先在国家医保服务平台办理备案，",
  "政策范围内费用扣除起付线后按比例报销，",
  "乙类药品需要先自付一定比例，",
  "未备案的异地就医报销比例通常会降低，",
  "门诊统筹有年度最高支付限额，",
  "出院时可以在医院窗口直接结算，",
  "具体待遇以参保地医保部门的规定为准。",
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: T[]) => xs[Math.floor(r() * xs.length)]!;

export function syntheticArticle(i: number, advisors: string[]): string {
  const r = rng(i + 1);
  const title = `${pick(r, WHO)}${pick(r, ACTS)}，${pick(r, ASKS)}？（第${i}问）`;
  const topics = [...new Set([pick(r, TOPICS), pick(r, TOPICS)])];
  const insurance = r() < 0.5 ? "[resident]" : r() < 0.5 ? "[employee]" : "[employee, resident]";
  const body = Array.from({ length: 4 + Math.floor(r() * 4) }, () => pick(r, PARTS)).join("");
  const month = String(1 + Math.floor(r() * 12)).padStart(2, "0");
  return `---
title: ${title}
question: ${pick(r, WHO)}${pick(r, ACTS)}，想问问${pick(r, ASKS)}，需要注意什么。
region: "${pick(r, CITIES)}"
insurance: ${insurance}
topics: [${topics.join(", ")}]
year: ${2023 + Math.floor(r() * 3)}
published: 2025-${month}-15
---

:::answer{advisor="${pick(r, advisors)}" date="2025-${month}-16"}
${body}

- 第一步：${pick(r, PARTS)}
- 第二步：${pick(r, PARTS)}
:::
`;
}

/** Writes N articles into dir/questions/bench/NNN/…, in folders of 1,000. */
export async function writeSyntheticCorpus(dir: string, n: number, advisors: string[]) {
  for (let start = 0; start < n; start += 1000) {
    const folder = join(dir, "questions", "bench", String(start / 1000).padStart(3, "0"));
    await mkdir(folder, { recursive: true });
    await Promise.all(
      Array.from({ length: Math.min(1000, n - start) }, (_, k) => writeFile(join(folder, `bench-${start + k}.md`), syntheticArticle(start + k, advisors))),
    );
  }
}
