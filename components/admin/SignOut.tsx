"use client";
import { useRouter } from "next/navigation";
import { adminFetch } from "./api";
import { API_PATHS, adminSignInPath } from "@/lib/urls";

export function SignOut() {
  const router = useRouter();
  return (
    <button
      type="button"
      className="button secondary"
      onClick={async () => {
        await adminFetch(API_PATHS.signOut, { method: "POST", body: {} });
        router.replace(adminSignInPath());
      }}
    >
      退出登录
    </button>
  );
}
