import type { Metadata } from "next";
import { SignInForm } from "@/components/admin/SignInForm";
import { adminPath } from "@/lib/urls";

export const metadata: Metadata = { title: "顾问登录", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const raw = (await searchParams).next;
  // Only a path of this site: never send a person elsewhere after signing in.
  const next = typeof raw === "string" && raw.startsWith(adminPath()) && !raw.startsWith("//") ? raw : adminPath();
  return (
    <section className="admin narrow">
      <h1>顾问与审核人登录</h1>
      <p className="meta">账号由管理员开通，本站不开放注册。</p>
      <SignInForm next={next} />
    </section>
  );
}
