import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import Link from "@/components/SiteLink";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { JsonLd } from "@/components/JsonLd";
import { ClassBadge, DrugClassesExplained } from "@/components/drugs/DrugClasses";
import s from "@/components/drugs/drugs.module.css";
import { todayInChina } from "@/lib/domain/dates";
import { editionLine, paymentStandardText, SECTION_LABELS } from "@/lib/catalogue/editions";
import { DRUGS_TAG, getDrugPage, type DrugPage } from "@/lib/catalogue/read";
import { getPublicDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { breadcrumbList, type Crumb } from "@/lib/seo/structured-data";
import { pageMetadata } from "@/lib/site/metadata";
import { dependsOn } from "@/lib/site/page-cache";
import { drugPath, searchPath } from "@/lib/urls";

// Rendered once and served from the page cache like question pages (lib/site/page-cache.ts); an import
// that changes a drug list expires every drug page (tag `drugs`). 3600 = PAGE_TTL_SECONDS.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return []; // none at build time: each page is rendered on its first request
}

type Props = { params: Promise<{ id: string }> };

const load = cache(async (raw: string): Promise<DrugPage | null> => {
  await dependsOn([DRUGS_TAG]);
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    return null;
  }
  // Cached for up to an hour: the edition shown switches within an hour of a new one taking effect.
  return getDrugPage(getPublicDb(), id, todayInChina());
});

function summary(d: DrugPage): string {
  const classes = [...new Set(d.entries.map((e) => `${e.class}类`))].join("、");
  const limited = d.entries.some((e) => e.restriction) ? "，部分剂型有限定支付范围" : "";
  return `${d.name}在国家医保药品目录（${editionLine(d.edition)}）西药部分中为${classes}${limited}。列出全部剂型、限定支付范围、支付标准和官方文件出处。`;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const d = await load((await params).id);
  if (!d) return { title: "找不到这个药品" };
  return pageMetadata({ title: `${d.name}医保能报销吗？甲类还是乙类`, description: summary(d), path: drugPath(d.id) });
}

export default async function DrugPageView({ params }: Props) {
  const d = await load((await params).id);
  if (!d) notFound();
  const crumbs: Crumb[] = [
    { name: "首页", path: "/" },
    { name: "医保药品目录", path: searchPath({ q: "医保药品目录" }) },
    { name: d.name, path: drugPath(d.id) },
  ];
  const pdf = (page: number) => (d.edition.pdfUrl ? `${d.edition.pdfUrl}#page=${page}` : d.edition.noticeUrl);
  return (
    <>
      <JsonLd data={breadcrumbList(env().siteUrl, crumbs)} />
      <Breadcrumbs crumbs={crumbs} />
      <h1>{d.name}</h1>
      <p className="meta" data-testid="drug-edition">
        国家医保药品目录 {editionLine(d.edition)} · 西药
      </p>
      {!d.inForce ? (
        <p className="notice" role="note">
          现行版本的西药部分没有列出这个名称；以下是{d.edition.label}的内容，仅供查对。
        </p>
      ) : null}
      <p>
        {summary(d).replace(/。列出.*$/, "。")}
        <Link href="#jia-yi">甲类、乙类是什么意思</Link>
      </p>
      {d.entries.map((e) => (
        <section key={e.id} className={s.entry} aria-label={`${e.name}${e.dosageForm ? ` ${e.dosageForm}` : ""}`}>
          <h2>
            <ClassBadge value={e.class} />
            {e.dosageForm ?? e.name}
          </h2>
          <dl>
            <dt>目录中的名称</dt>
            <dd>{e.name}</dd>
            <dt>所在部分</dt>
            <dd>
              {SECTION_LABELS[e.section] ?? e.section}，编号 {e.no}
            </dd>
            {e.dosageForm ? (
              <>
                <dt>剂型</dt>
                <dd>{e.dosageForm}</dd>
              </>
            ) : null}
            <dt>类别</dt>
            <dd>{e.class}类</dd>
            <dt>限定支付范围</dt>
            <dd>{e.restriction ?? "无（备注栏为空）"}</dd>
            {e.fanliText ? (
              <>
                <dt>凡例{e.seeFanli}</dt>
                <dd>{e.fanliText}</dd>
              </>
            ) : null}
            {e.includes.length ? (
              <>
                <dt>包括的品种</dt>
                <dd>{e.includes.join("、")}</dd>
              </>
            ) : null}
            {e.paymentStandard ? (
              <>
                <dt>医保支付标准</dt>
                <dd>{paymentStandardText(e.paymentStandard)}</dd>
              </>
            ) : null}
            {e.agreementPeriod ? (
              <>
                <dt>{e.section === "竞价药品部分" ? "支付标准有效期" : "协议有效期"}</dt>
                <dd>{e.agreementPeriod}</dd>
              </>
            ) : null}
            {e.categoryName ? (
              <>
                <dt>分类</dt>
                <dd>
                  {e.categoryName}（{e.categoryCode}）
                </dd>
              </>
            ) : null}
            <dt>出处</dt>
            <dd>
              <a href={pdf(e.pdfPage)} rel="noopener nofollow" target="_blank">
                《{d.edition.title}》（{d.edition.documentNo}）PDF 第 {e.pdfPage} 页
              </a>
            </dd>
          </dl>
        </section>
      ))}
      <p className="meta">
        发布：{d.edition.issuer}，{d.edition.published}；{editionLine(d.edition)}。
        {d.edition.noticeUrl ? (
          <a href={d.edition.noticeUrl} rel="noopener nofollow" target="_blank">
            官方通知
          </a>
        ) : null}
        {d.otherEditions.length ? ` 本站还收录了 ${d.otherEditions.map((o) => o.label).join("、")}。` : ""}
      </p>
      <p className="meta">
        本站只收录了目录的西药部分；中成药和中药饮片请到国家医保服务平台的“药品目录查询”或拨打 12393 查询。报销多少还取决于参保地的起付线、报销比例和乙类先行自付比例。
      </p>
      <DrugClassesExplained />
    </>
  );
}
