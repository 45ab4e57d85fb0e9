"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { adminFetch } from "./api";
import { API_PATHS } from "@/lib/urls";

export function NewAccountForm() {
  const router = useRouter();
  const [result, setResult] = useState<{ text: string; ok: boolean } | null>(null);
  return (
    <form
      className="admin-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const f = new FormData(form);
        const body = Object.fromEntries([...f.entries()].filter(([, v]) => String(v).trim()));
        const r = await adminFetch<{ password: string }>(API_PATHS.adminAccounts, { method: "POST", body });
        if (r.ok) {
          setResult({ text: `账号已创建。初始密码（只显示这一次，请当面或通过安全渠道交给本人）：${r.data.password}`, ok: true });
          form.reset();
          router.refresh();
        } else setResult({ text: r.message, ok: false });
      }}
    >
      <label>
        邮箱 <input name="email" type="email" required />
      </label>
      <label>
        姓名 <input name="name" required maxLength={40} />
      </label>
      <label>
        角色
        <select name="role" defaultValue="advisor">
          <option value="advisor">顾问：撰写和提交解答</option>
          <option value="reviewer">审核人：另可审核他人的提交</option>
          <option value="admin">管理员：另可管理账号</option>
        </select>
      </label>
      <label>
        头衔 <input name="title" placeholder="执业律师 / 医保顾问" maxLength={40} />
      </label>
      <label>
        单位 <input name="organisation" maxLength={80} />
      </label>
      <label>
        执业证号 <input name="license" maxLength={40} />
      </label>
      <button type="submit">创建账号</button>
      {result ? (
        <p className={result.ok ? "saved" : "notice"} role={result.ok ? "status" : "alert"}>
          {result.text}
        </p>
      ) : null}
    </form>
  );
}
