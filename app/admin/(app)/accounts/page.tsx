import { AccountRow } from "@/components/admin/AccountRow";
import { NewAccountForm } from "@/components/admin/NewAccountForm";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { listAccounts } from "@/lib/authoring/accounts";
import { getDb } from "@/lib/db/client";
import { pageEditor } from "@/lib/site/admin-page";

export const metadata = { title: "账号管理" };

export default async function AccountsPage() {
  await pageEditor("accounts.list");
  const accounts = await listAccounts(getDb());
  return (
    <>
      <h1>账号管理</h1>
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">姓名</th>
            <th scope="col">邮箱</th>
            <th scope="col">角色</th>
            <th scope="col">顾问资料</th>
            <th scope="col">更改</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id}>
              <td>{a.name}</td>
              <td>{a.email}</td>
              <td>{ROLE_LABELS[a.role as Role]}</td>
              <td>{a.advisor ? `${a.advisor.title}${a.advisor.verified ? " · 已核实" : ""}` : "—"}</td>
              <td>
                <AccountRow id={a.id} role={a.role} verified={a.advisor?.verified ?? false} hasProfile={Boolean(a.advisor)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>新建账号</h2>
      <NewAccountForm />
    </>
  );
}
