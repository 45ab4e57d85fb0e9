import { getDb } from "@/lib/db/client";
import { pageEditor } from "@/lib/site/admin-page";
import { CHINA_TIME_LABEL, chinaDateTime } from "@/lib/domain/dates";

export const metadata = { title: "审计日志" };

const ACTIONS: Record<string, string> = {
  "auth.sign_in": "登录",
  "auth.sign_in_failed": "登录失败",
  "auth.forbidden": "越权操作被拒",
  "auth.password_changed": "修改密码",
  "auth.signed_out_elsewhere": "在其他设备上退出",
  "account.update": "更改账号",
  "account.create": "创建账号",
  "article.create": "新建问题",
  "answer.submit": "提交解答",
  "answer.publish": "发布解答",
  "review.approve": "批准",
  "review.request_changes": "退回修改",
  "review.own_refused": "审核自己的提交被拒",
  "revision.publish": "发布修订",
  "article.state": "更改状态",
  "article.rename": "更改地址",
};

export default async function AuditPage() {
  await pageEditor("admin");
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
              <td>{ACTIONS[e.action] ?? e.action}</td>
              <td className="meta">{JSON.stringify(e.data)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
