import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { pageEditor } from "@/lib/site/admin-page";
import { SignOut } from "@/components/admin/SignOut";
import { hasRole, ROLE_LABELS } from "@/lib/auth/roles";
import { ADMIN_SECTIONS, adminPath } from "@/lib/urls";

export const metadata: Metadata = { title: { default: "编辑后台", template: "%s — 编辑后台" }, robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

// Every page below checks the session on the server; the API checks it again on every call.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const editor = await pageEditor();
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label="编辑后台">
        <Link href={adminPath()}>待解答队列</Link>
        {hasRole(editor.role, "reviewer") ? <Link href={ADMIN_SECTIONS.reviews}>待审核</Link> : null}
        {hasRole(editor.role, "reviewer") ? <Link href={ADMIN_SECTIONS.stale}>可能过期</Link> : null}
        {hasRole(editor.role, "reviewer") ? <Link href={ADMIN_SECTIONS.policies}>政策核实</Link> : null}
        {hasRole(editor.role, "reviewer") ? <Link href={ADMIN_SECTIONS.moderation}>提问审核</Link> : null}
        {hasRole(editor.role, "reviewer") ? <Link href={ADMIN_SECTIONS.analytics}>搜索分析</Link> : null}
        {hasRole(editor.role, "admin") ? <Link href={ADMIN_SECTIONS.accounts}>账号管理</Link> : null}
        {hasRole(editor.role, "admin") ? <Link href={ADMIN_SECTIONS.audit}>审计日志</Link> : null}
        <Link href={ADMIN_SECTIONS.account}>我的账号</Link>
        <span className="meta">
          {editor.name}（{ROLE_LABELS[editor.role]}）
        </span>
        <SignOut />
      </nav>
      {children}
    </div>
  );
}
