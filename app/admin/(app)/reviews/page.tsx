import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { hasRole } from "@/lib/auth/roles";
import { pendingReviews } from "@/lib/authoring/reviews";
import { currentEditor } from "@/lib/authoring/session";
import { getDb } from "@/lib/db/client";

export const metadata = { title: "待审核" };

export default async function ReviewsPage() {
  const editor = await currentEditor(await headers());
  if (!editor || !hasRole(editor.role, "reviewer")) redirect("/admin");
  const items = await pendingReviews(getDb());
  return (
    <>
      <h1>待审核的解答</h1>
      {items.length === 0 ? (
        <p className="notice">现在没有等待审核的提交。</p>
      ) : (
        <ul className="plain results">
          {items.map((r) => (
            <li key={r.id}>
              <Link className="title" href={`/admin/reviews/${r.id}`}>
                {r.title}
              </Link>
              <div className="meta">
                {r.author} 提交于 <time dateTime={r.createdAt}>{r.createdAt.slice(0, 16).replace("T", " ")}</time>
                {r.authorId === editor.id ? "（你自己的提交，需由其他审核人审核）" : ""}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
