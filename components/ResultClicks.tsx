"use client";
// Sends a beacon for clicks on the search results of this page (left, middle or ctrl-click), found by
// their link to a question among the slugs shown; the result list itself stays server-rendered.
import { useEffect } from "react";
import { sendClick } from "./beacon";
import { QUESTION_LINK_SELECTOR } from "@/lib/urls";

export function ResultClicks({ queryId, slugs }: { queryId: string; slugs: string[] }) {
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (e.type === "auxclick" && e.button !== 1) return;
      const a = (e.target as Element | null)?.closest?.(QUESTION_LINK_SELECTOR);
      if (!a || !a.closest("main")) return;
      const slug = decodeURIComponent(a.getAttribute("href")!.slice(3).split(/[?#]/)[0]!);
      const at = slugs.indexOf(slug);
      if (at >= 0) sendClick({ queryId, slug, position: at + 1 });
    };
    document.addEventListener("click", onClick, true);
    document.addEventListener("auxclick", onClick, true);
    return () => {
      document.removeEventListener("click", onClick, true);
      document.removeEventListener("auxclick", onClick, true);
    };
  }, [queryId, slugs]);
  return null;
}
