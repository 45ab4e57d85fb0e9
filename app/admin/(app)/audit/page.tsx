import { getDb } from "@/lib/db/client";
import { pageEditor } from "@/lib/site/admin-page";
import { CHINA_TIME_LABEL, chinaDateTime } from "@/lib/domain/dates";
import { auditLabel } from "@/lib/domain/audit-actions";

export const metadata = { title: "审计日志" };

export default async function AuditPage() {
  await pageEditor("audit.read");
  const db = getDb();
  const events = await db.auditEvent.findMany({ orderBy: { id: "desc" }, take: 200 });
  const names = new Map((await db.user.findMany({ where: { id: { in: events.map((e) => e.actor) } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return (
    <>
      <h1>审计日志</h1>
      <p className="meta">最近 200 条；日志只能追加，数据库拒绝修改和删除。</p>
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">时间（{CHINA_TIME_LABEL}）</th>
            <th scope="col">谁</th>
            <th scope="col">做了什么</th>
            <th scope="col">详情</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id.toString()}>
              <td><time dateTime={e.createdAt.toISOString()}>{chinaDateTime(e.createdAt)}</time></td>
              <td>{names.get(e.actor) ?? (e.actor === "anonymous" ? "未登录的访客" : e.actor)}</td>
              <td>{auditLabel(e.action)}</td>
              <td className="meta">{JSON.stringify(e.data)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
