import { AccountForms } from "@/components/admin/AccountForms";

export const metadata = { title: "我的账号" };

export default function AccountPage() {
  return (
    <section className="narrow">
      <h1>我的账号</h1>
      <AccountForms />
    </section>
  );
}
