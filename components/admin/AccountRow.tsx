"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { adminFetch } from "./api";
import { adminAccountApiPath } from "@/lib/urls";

/** An admin's controls on one account: its role, and whether its advisor profile is verified. */
export function AccountRow({ id, role, verified, hasProfile }: { id: string; role: string; verified: boolean; hasProfile: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const change = async (body: object) => {
    const r = await adminFetch(adminAccountApiPath(id), { method: "POST", body });
    setMessage(r.ok ? "已保存" : r.message);
    if (r.ok) router.refresh();
  };
  return (
    <>
      <select aria-label="角色" defaultValue={role} onChange={(e) => change({ role: e.target.value })}>
        <option value="advisor">顾问</option>
        <option value="reviewer">审核人</option>
        <option value="admin">管理员</option>
      </select>
      {hasProfile ? (
        <label>
          <input type="checkbox" defaultChecked={verified} onChange={(e) => change({ verified: e.target.checked })} /> 执业信息已核实
        </label>
      ) : null}
      {message ? <span role="status">{message}</span> : null}
    </>
  );
}
