"use client";
// The header's search box, showing the current query on the results page.
//
// Only the results page reads the query string. useSearchParams on a page rendered ahead of time (the
// cached question and landing pages, about) makes React give up the server's HTML for the nearest
// Suspense boundary and render the box again in the browser during hydration — work on the main
// thread of every cached page for a box that is empty there anyway. The search page is rendered per
// request, so reading the query there renders on the server like everything else.
import { usePathname, useSearchParams } from "next/navigation";
import { searchPath } from "@/lib/urls";
import { SearchForm } from "./SearchForm";

function ResultsSearch() {
  const q = useSearchParams().get("q") ?? "";
  // The key gives the box a fresh state when the query in the URL changes.
  return <SearchForm key={q} defaultValue={q} />;
}

export function HeaderSearch() {
  return usePathname() === searchPath() ? <ResultsSearch /> : <SearchForm />;
}
