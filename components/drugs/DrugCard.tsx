// A drug card above search results: the drug a query names with its class and restriction per dosage
// form, or — for a drug question that names nothing in the Western part — which parts of the list are
// not held here and where to check. Never "不在医保目录": this site holds only part of the list.
import Link from "@/components/SiteLink";
import type { DrugCard as Card } from "@/lib/catalogue/cards";
import { SECTION_LABELS } from "@/lib/catalogue/editions";
import { drugClassesPath } from "@/lib/urls";
import { ClassBadge } from "./DrugClasses";
import s from "./drugs.module.css";

const HOW: Record<string, string> = { pinyin: "按拼音", initials: "按拼音首字母", typo: "按相近的名称" };
const SHORT = 90;

function clip(text: string): string {
  return [...text].length > SHORT ? `${[...text].slice(0, SHORT).join("")}…` : text;
}

export function DrugCards({ cards }: { cards: Card[] }) {
  if (!cards.length) return null;
  return (
    <section aria-label="药品目录" data-testid="drug-cards">
      {cards.map((c) => (c.listed ? <Listed key={c.id} c={c} /> : <Unlisted key="unlisted" c={c} />))}
    </section>
  );
}

function Listed({ c }: { c: Extract<Card, { listed: true }> }) {
  const shown = c.entries.slice(0, 6);
  return (
    <article className={s.card} data-testid="drug-card">
      <h2>
        <Link href={c.url}>{c.title}</Link>
        {c.classes.map((k) => (
          <ClassBadge key={k} value={k} />
        ))}
      </h2>
      <p className={s.small}>
        {c.match !== "name" ? `${HOW[c.match]}找到“${c.matched}”。` : ""}国家医保药品目录{c.edition} · 西药
      </p>
      <ul className={s.forms}>
        {shown.map((e, i) => (
          <li key={i}>
            <ClassBadge value={e.class} />
            {e.dosageForm ?? (e.name !== c.title ? e.name : SECTION_LABELS[e.section])}
            {e.section !== "西药部分" ? <span className={s.small}>（{SECTION_LABELS[e.section]}）</span> : null}
            <span className={s.restriction}>{e.restriction ? `限定支付范围：${clip(e.restriction)}` : "无限定支付范围"}</span>
          </li>
        ))}
      </ul>
      <p className={s.small}>
        {c.entries.length > shown.length ? `共 ${c.entries.length} 条，` : ""}
        <Link href={c.url}>查看全部剂型、限定支付范围和出处</Link> · <Link href={drugClassesPath(c.id)}>甲类、乙类是什么意思</Link>
        {c.match === "typo" ? " · 如果您问的是中成药或中药饮片，本站尚未收录，请到国家医保服务平台查询。" : ""}
      </p>
    </article>
  );
}

function Unlisted({ c }: { c: Extract<Card, { listed: false }> }) {
  return (
    <article className={`${s.card} ${s.unlisted}`} data-testid="drug-card-unlisted">
      <h2>{c.title}</h2>
      <p>
        本站收录的是国家医保药品目录的西药部分（含协议期内谈判的西药和竞价药品），还没有收录{c.notIncluded.join("、")}。在这里找不到，只说明它不在本站收录的西药部分。
      </p>
      <p>
        请到
        <a href={c.url} rel="noopener nofollow" target="_blank">
          {c.checkAt[0]?.name}
        </a>
        查询，或拨打医保服务热线 <a href="tel:12393">12393</a>。
      </p>
    </article>
  );
}
