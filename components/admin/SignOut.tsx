"use client";
import { useRouter } from "next/navigation";
import { adminFetch } from "./api";

export function SignOut() {
  const router = useRouter();
  return (
    <button
      type="button"
      className="button secondary"
      onClick={async () => {
        await adminFetch("/api/auth/sign-out", { method: "POST", body: {} });
        router.replace("/admin/sign-in");
      }}
    >
      退出登录
    </button>
  );
}
