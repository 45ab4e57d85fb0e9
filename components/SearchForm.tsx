"use client";
// The search box on every page: a plain GET form (works without JavaScript, shareable URLs) with an
// as-you-type suggestion list following the WAI-ARIA combobox pattern (arrow keys, Enter, Escape).
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { questionPath, searchPath, suggestApiPath } from "@/lib/urls";
import { sendClick } from "./beacon";

type Suggestion = { slug: string; title: string };

export function SearchForm({ defaultValue = "", id = "site-search", label = "全站搜索" }: { defaultValue?: string; id?: string; label?: string }) {
  const router = useRouter();
  const listId = useId();
  const [value, setValue] = useState(defaultValue);
  const [items, setItems] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const queryId = useRef<string | undefined>(undefined);
  const track = (i: number) => queryId.current && sendClick({ queryId: queryId.current, slug: items[i]!.slug, position: i + 1, q: value.trim() });
  const typed = useRef(false);

  useEffect(() => {
    if (!typed.current) return;
    const q = value.trim();
    if (!q) {
      setItems([]);
      return;
    }
    const ctrl = new AbortController();
    // Debounced: one request once typing pauses, the previous one cancelled.
    const timer = setTimeout(() => {
      fetch(suggestApiPath(q), { signal: ctrl.signal })
        .then((r) => (r.ok ? r.json() : { suggestions: [] }))
        .then((d: { suggestions: Suggestion[]; queryId?: string }) => {
          queryId.current = d.queryId;
          setItems(d.suggestions);
          setActive(-1);
          setOpen(d.suggestions.length > 0);
        })
        .catch(() => {});
    }, 180);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [value]);

  const expanded = open && items.length > 0;
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" && items.length) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % items.length);
    } else if (e.key === "ArrowUp" && items.length) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a <= 0 ? items.length - 1 : a - 1));
    } else if (e.key === "Escape" && expanded) {
      // Closes the list only: a search input would otherwise also clear what was typed.
      e.preventDefault();
      setOpen(false);
      setActive(-1);
    } else if (e.key === "Enter" && open && active >= 0 && items[active]) {
      e.preventDefault();
      setOpen(false);
      track(active);
      router.push(questionPath(items[active]!.slug));
    }
  };

  return (
    <form className="search" role="search" aria-label={label} action={searchPath()} method="get" onSubmit={() => setOpen(false)}>
      <label htmlFor={id} className="visually-hidden">
        搜索医保问题
      </label>
      <div className="suggest">
        <input
          id={id}
          type="search"
          name="q"
          value={value}
          onChange={(e) => {
            typed.current = true;
            setValue(e.target.value);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onFocus={() => items.length && setOpen(true)}
          placeholder="例如：异地就医怎么备案、居民医保门诊报销"
          maxLength={100}
          autoComplete="off"
          role="combobox"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        />
        <ul role="listbox" id={listId} aria-label="搜索建议" hidden={!expanded}>
          {items.map((s, i) => (
            <li
              key={s.slug}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                track(i);
                router.push(questionPath(s.slug));
                setOpen(false);
              }}
            >
              {s.title}
            </li>
          ))}
        </ul>
      </div>
      <button type="submit">搜索</button>
    </form>
  );
}
