"use client";
import { useState } from "react";
import { adminFetch } from "./api";
import { API_PATHS } from "@/lib/urls";

export function AccountForms() {
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  return (
    <>
      <form
        className="admin-form"
        onSubmit={async (e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const f = new FormData(form);
          if (f.get("newPassword") !== f.get("repeat")) return setMessage({ text: "两次输入的新密码不一致。", ok: false });
          const r = await adminFetch(API_PATHS.changePassword, { method: "POST", body: { currentPassword: f.get("currentPassword"), newPassword: f.get("newPassword"), revokeOtherSessions: true } });
          setMessage(r.ok ? { text: "密码已修改，其他设备上的登录已退出。", ok: true } : { text: r.message, ok: false });
          if (r.ok) form.reset();
        }}
      >
        <h2>修改密码</h2>
        <label>
          当前密码 <input name="currentPassword" type="password" autoComplete="current-password" required />
        </label>
        <label>
          新密码（至少 10 个字符） <input name="newPassword" type="password" autoComplete="new-password" required minLength={10} />
        </label>
        <label>
          再输入一次新密码 <input name="repeat" type="password" autoComplete="new-password" required minLength={10} />
        </label>
        <button type="submit">修改密码</button>
      </form>
      <h2>登录设备</h2>
      <button
        type="button"
        className="button secondary"
        onClick={async () => {
          const r = await adminFetch(API_PATHS.revokeOtherSessions, { method: "POST", body: {} });
          setMessage(r.ok ? { text: "已在其他所有设备上退出登录。", ok: true } : { text: r.message, ok: false });
        }}
      >
        在其他所有设备上退出
      </button>
      {message ? (
        <p className={message.ok ? "saved" : "notice"} role={message.ok ? "status" : "alert"}>
          {message.text}
        </p>
      ) : null}
    </>
  );
}
