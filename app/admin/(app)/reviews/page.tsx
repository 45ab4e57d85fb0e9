import Link from "next/link";
import { pendingReviews } from "@/lib/authoring/reviews";
import { getDb } from "@/lib/db/client";
import { pageEditor } from "@/lib/site/admin-page";
import { CHINA_TIME_LABEL, chinaDateTime } from "@/lib/domain/dates";
import { adminReviewPath } from "@/lib/urls";

export const metadata = { title: "待审核" };

export default async function ReviewsPage() {
  const editor = await pageEditor("review.read");
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
              <Link className="title" href={adminReviewPath(r.id)}>
                {r.title}
              </Link>
              <div className="meta">
                {r.author} 提交于 <time dateTime={r.createdAt}>{CHINA_TIME_LABEL} {chinaDateTime(r.createdAt)}</time>
                {r.authorId === editor.id ? "（你自己的提交，需由其他审核人审核）" : ""}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
