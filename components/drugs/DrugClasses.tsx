// 甲类 and 乙类: the badge, and the one explanation of what they mean (on every drug page, linked from
// the cards). Written for this site from the list's 凡例 and how a bill is split (docs: DOMAIN.md).
import s from "./drugs.module.css";

export function ClassBadge({ value }: { value: string }) {
  return <span className={`${s.class} ${value === "甲" ? s.jia : s.yi}`}>{value}类</span>;
}

export function DrugClassesExplained() {
  return (
    <section id="jia-yi" className={s.explain} aria-labelledby="jia-yi-title">
      <h2 id="jia-yi-title">甲类、乙类是什么意思</h2>
      <p>
        <ClassBadge value="甲" />
        甲类药品的费用全部算作“政策范围内费用”，再按您参保地的起付线、报销比例和最高支付限额报销。
      </p>
      <p>
        <ClassBadge value="乙" />
        乙类药品同样可以由医保基金支付，但通常要先由个人自付一部分（叫“先行自付”），剩下的部分再像甲类一样报销。先行自付的比例由各地规定，不同城市可能不一样，请以参保地医保部门的规定为准。
      </p>
      <p>协议期内谈判药品和竞价药品都按乙类支付；生育保险和工伤保险支付药品费用时不分甲类、乙类。</p>
      <p>
        “限定支付范围”（备注栏里以“限”开头的文字）的意思是：只有病情符合这个范围、并有相应诊断依据时，医保基金才支付这个药的费用；它不是对药品说明书的修改，医生仍按病情用药。工伤保险支付药品费用时不受限定支付范围限制。
      </p>
    </section>
  );
}
