"use client";
// On phones the results come first: the facets wait behind a "筛选" button. On wider screens the button
// is hidden and the facets always show (app/globals.css).
import { useId, useState } from "react";

export function FilterPanel({ active, children }: { active: number; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="filter-panel">
      <button type="button" className="button secondary filter-toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        筛选{active ? `（${active}）` : ""}
      </button>
      <div id={id} className={open ? "filter-body open" : "filter-body"}>
        {children}
      </div>
    </div>
  );
}
