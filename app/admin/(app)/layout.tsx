import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { pageEditor } from "@/lib/site/admin-page";
import { SignOut } from "@/components/admin/SignOut";
import { may, type Permission, ROLE_LABELS } from "@/lib/auth/roles";
import { ADMIN_SECTIONS, adminPath } from "@/lib/urls";

export const metadata: Metadata = { title: { default: "编辑后台", template: "%s — 编辑后台" }, robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

// A section is listed to whoever may open it: the same action its page checks (lib/auth/roles.ts).
const SECTIONS: { href: string; label: string; action: Permission }[] = [
  { href: ADMIN_SECTIONS.reviews, label: "待审核", action: "review.read" },
  { href: ADMIN_SECTIONS.stale, label: "可能过期", action: "stale.read" },
  { href: ADMIN_SECTIONS.policies, label: "政策核实", action: "policy.history" },
  { href: ADMIN_SECTIONS.moderation, label: "提问审核", action: "question.moderate" },
  { href: ADMIN_SECTIONS.analytics, label: "搜索分析", action: "analytics.read" },
  { href: ADMIN_SECTIONS.accounts, label: "账号管理", action: "accounts.list" },
  { href: ADMIN_SECTIONS.audit, label: "审计日志", action: "audit.read" },
];

// Every page below checks the session on the server; the API checks it again on every call.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const editor = await pageEditor();
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label="编辑后台">
        <Link href={adminPath()}>待解答队列</Link>
        {SECTIONS.filter((s) => may(editor.role, s.action)).map((s) => (
          <Link key={s.href} href={s.href}>
            {s.label}
          </Link>
        ))}
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
