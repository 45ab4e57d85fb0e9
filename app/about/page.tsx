// /about — who writes the answers, how they are reviewed, where the figures come from, how to reach us.
import type { Metadata } from "next";
import Link from "@/components/SiteLink";
import { pageMetadata } from "@/lib/site/metadata";
import { aboutPath, calculatorsPath, regionPath } from "@/lib/urls";
import { NATIONWIDE } from "@/lib/regions";

export const revalidate = 3600;

export function generateMetadata(): Metadata {
  return pageMetadata({
    title: "关于本站与编辑方针",
    description: "医保问答的解答由律师和医保顾问撰写、经第二人审核后发布；政策数字注明来源、年度和核实状态。这里说明我们怎样写、怎样审、数字从哪里来。",
    path: aboutPath(),
  });
}

export default function About() {
  return (
    <article className="prose">
      <h1>关于本站与编辑方针</h1>
      <p>
        医保问答收集人们在城乡居民医保、职工医保上遇到的实际问题，由律师和医保顾问给出有依据的解答。我们的目标是让每个答案都能说清楚三件事：适用哪里、适用哪一年、依据是什么。
      </p>

      <h2 id="how">解答怎样写、怎样审</h2>
      <ol>
        <li>读者提出的问题先由审核人查看，重复的问题合并，含个人信息的内容在保存前遮盖。</li>
        <li>顾问认领问题并撰写解答，写明所依据的法规、文件和条款。</li>
        <li>每一份解答都要由另一位审核人复核后才能发布——作者不能审核自己的解答，这条规则写在数据库里，任何人都绕不过。</li>
        <li>发布后的每次修改都会保留版本记录，页面上的“更新于”日期随之变化。</li>
      </ol>

      <h2 id="figures">数字从哪里来</h2>
      <p>
        起付线、报销比例、封顶线等数字只来自政策文件或可靠的转载，每个数字都注明来源、适用年度和核实状态：
      </p>
      <ul>
        <li><strong>已核对官方文件</strong>：审核人对照过医保部门发布的原文（记录文号、网址和核对日期）。</li>
        <li><strong>二手资料</strong>：来自可信的转载，尚未找到原文核对。</li>
        <li><strong>未核实</strong>：公开资料整理的数字，使用前请以当地医保部门文件为准。</li>
      </ul>
      <p>
        政策有年度。某一年的标准到期后，页面会明确提示“以下为某年标准”，在新年度数字核实之前，我们不会把旧数字当作当年的标准。
        <Link href={calculatorsPath()}>报销计算器</Link>只按所选年度的标准计算，从不借用其他年度的数字。
      </p>

      <h2 id="advisors">顾问与示例顾问</h2>
      <p>
        每位顾问都有个人页面，列出职业、执业证号（如有）和解答过的问题，已核实身份的顾问带有“已认证”标记。
        标有“示例顾问”的人物是为演示本站功能虚构的，他们的解答同样经过审核，但不代表真实执业人员的意见。
      </p>

      <h2 id="limits">本站不能做什么</h2>
      <p>
        这里的解答是一般性说明，不构成针对个人情况的法律意见，也不能代替医保经办机构的答复。待遇以参保地医疗保障部门的最新规定和窗口答复为准。
        全国医保服务热线 <a href="tel:12393">12393</a> 可以转接各地医保部门；也可以从<Link href={regionPath(NATIONWIDE)}>地区页面</Link>找到本地的问答和政策。
      </p>

      <h2 id="contact">联系我们</h2>
      <p>
        发现解答或数字有误、政策已经更新，或者想成为本站顾问：请在任意问题页面用“提问”提交，标题写明“纠错”或“顾问申请”以及相关页面地址。
        审核人会在两个工作日内处理，改动会记入页面的版本历史。
      </p>
    </article>
  );
}
