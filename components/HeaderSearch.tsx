"use client";
// The header's search box, showing the current query on the results page.
import { usePathname, useSearchParams } from "next/navigation";
import { SearchForm } from "./SearchForm";

export function HeaderSearch() {
  const q = useSearchParams().get("q") ?? "";
  const onResults = usePathname() === "/search";
  // The key gives the box a fresh state when the query in the URL changes.
  return <SearchForm key={onResults ? q : ""} defaultValue={onResults ? q : ""} />;
}
