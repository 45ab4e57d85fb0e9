import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { pageEditor } from "@/lib/site/admin-page";
import { SignOut } from "@/components/admin/SignOut";
import { hasRole, ROLE_LABELS } from "@/lib/auth/roles";

export const metadata: Metadata = { title: { default: "编辑后台", template: "%s — 编辑后台" }, robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

// Every page below checks the session on the server; the API checks it again on every call.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const editor = await pageEditor();
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label="编辑后台">
        <Link href="/admin">待解答队列</Link>
        {hasRole(editor.role, "reviewer") ? <Link href="/admin/reviews">待审核</Link> : null}
        {hasRole(editor.role, "reviewer") ? <Link href="/admin/stale">可能过期</Link> : null}
        {hasRole(editor.role, "reviewer") ? <Link href="/admin/policies">政策核实</Link> : null}
        {hasRole(editor.role, "reviewer") ? <Link href="/admin/moderation">提问审核</Link> : null}
        {hasRole(editor.role, "reviewer") ? <Link href="/admin/analytics">搜索分析</Link> : null}
        {hasRole(editor.role, "admin") ? <Link href="/admin/accounts">账号管理</Link> : null}
        {hasRole(editor.role, "admin") ? <Link href="/admin/audit">审计日志</Link> : null}
        <Link href="/admin/account">我的账号</Link>
        <span className="meta">
          {editor.name}（{ROLE_LABELS[editor.role]}）
        </span>
        <SignOut />
      </nav>
      {children}
    </div>
  );
}
