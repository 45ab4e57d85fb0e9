import type { Metadata } from "next";
import Link from "@/components/SiteLink";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArticleMeta } from "@/components/ArticleMeta";
import { advisorProfile } from "@/lib/articles/read";
import { getPublicDb } from "@/lib/db/client";
import { slugSchema } from "@/lib/domain/schema";
import { advisorPath, questionPath } from "@/lib/urls";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

const load = cache(async (raw: string) => {
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    return null;
  }
  return slugSchema.safeParse(id).success ? advisorProfile(getPublicDb(), id) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await load((await params).id);
  if (!p) return { title: "找不到这位顾问" };
  return { title: `${p.advisor.name}（${p.advisor.title}）的解答`, alternates: { canonical: advisorPath(p.advisor.id) }, robots: p.advisor.sample ? { index: false, follow: true } : undefined };
}

export default async function AdvisorPage({ params }: Props) {
  const p = await load((await params).id);
  if (!p) notFound();
  const a = p.advisor;
  return (
    <>
      <h1>
        {a.name} <small className="meta">{a.title}</small>
      </h1>
      <p className="meta">
        {a.organisation ? `${a.organisation} · ` : ""}
        {a.license ? `执业证号 ${a.license} · ` : ""}
        {a.verified ? "身份与执业信息已由本站核实" : "执业信息尚未核实"}
        {a.sample ? <span className="sample"> 示例顾问（虚构人物，用于演示）</span> : null}
      </p>
      {a.bio ? <p>{a.bio}</p> : null}
      <h2>解答过的问题（{p.answered.length}）</h2>
      {p.answered.length === 0 ? (
        <p className="meta">还没有公开的解答。</p>
      ) : (
        <ul className="plain results">
          {p.answered.map((q) => (
            <li key={q.slug}>
              <Link className="title" href={questionPath(q.slug)}>
                {q.title}
              </Link>
              <ArticleMeta region={q.region} insurance={[]} topics={q.topics} year={q.year} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
