"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { adminFetch } from "./api";
import { adminQuestionApiPath, adminQuestionPath } from "@/lib/urls";

/** Claims the question (a 30-minute soft lock others see), then opens the editor. */
export function ClaimButton({ slug }: { slug: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        onClick={async () => {
          const r = await adminFetch(adminQuestionApiPath(slug, "claim"), { method: "POST" });
          if (r.ok) router.push(adminQuestionPath(slug));
          else setError(r.message);
        }}
      >
        认领并解答
      </button>
      {error ? (
        <span className="notice" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}
