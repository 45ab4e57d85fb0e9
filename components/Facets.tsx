import Link from "@/components/SiteLink";
import { INSURANCE_LABELS, type Insurance } from "@/lib/domain/schema";
import { regionLabel } from "@/lib/regions";
import type { SearchParams } from "@/lib/search/params";
import type { Facets as FacetCounts } from "@/lib/search/query";

type Href = (change: Partial<Record<keyof SearchParams, string | number | undefined>>) => string;

function Group({ title, items, selected, clear }: { title: string; items: { key: string; label: string; count: number; href: string }[]; selected?: string; clear: string }) {
  if (items.length === 0) return null;
  return (
    <section className="facet" aria-label={title}>
      <h2>{title}</h2>
      <ul className="plain">
        {selected ? (
          <li>
            <Link href={clear}>« 全部</Link>
          </li>
        ) : null}
        {items.map((i) => (
          <li key={i.key}>
            {i.key === selected ? (
              <strong aria-current="true">
                {i.label} <span className="count">{i.count}</span>
              </strong>
            ) : (
              <Link href={i.href}>
                {i.label} <span className="count">{i.count}</span>
              </Link>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

const sorted = (m: Record<string, number>) => Object.entries(m).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));

/** Filters with counts: region as province → city, insurance type, topic, year. */
export function Facets({ p, facets, href }: { p: SearchParams; facets: FacetCounts; href: Href }) {
  const province = p.region ? `${p.region.slice(0, 2)}0000` : undefined;
  const regionItems = province && province !== "000000"
    ? sorted(facets.city).map(([code, count]) => ({ key: code, label: regionLabel(code).replace(regionLabel(province), "") || regionLabel(code), count, href: href({ region: code, page: 1 }) }))
    : sorted(facets.province).map(([code, count]) => ({ key: code, label: regionLabel(code), count, href: href({ region: code, page: 1 }) }));
  return (
    <nav className="facets" aria-label="筛选">
      <Group
        title={province && province !== "000000" ? `${regionLabel(province)} · 城市` : "地区"}
        items={regionItems}
        selected={p.region}
        clear={href({ region: province && p.region !== province ? province : undefined, page: 1 })}
      />
      <Group
        title="险种"
        items={sorted(facets.insurance).map(([k, count]) => ({ key: k, label: INSURANCE_LABELS[k as Insurance] ?? k, count, href: href({ insurance: k, page: 1 }) }))}
        selected={p.insurance}
        clear={href({ insurance: undefined, page: 1 })}
      />
      <Group
        title="主题"
        items={sorted(facets.topics).slice(0, 12).map(([k, count]) => ({ key: k, label: k, count, href: href({ topic: k, page: 1 }) }))}
        selected={p.topic}
        clear={href({ topic: undefined, page: 1 })}
      />
      <Group
        title="政策年度"
        items={Object.entries(facets.year).sort((a, b) => Number(b[0]) - Number(a[0])).map(([k, count]) => ({ key: k, label: `${k}年`, count, href: href({ year: k, page: 1 }) }))}
        selected={p.year ? String(p.year) : undefined}
        clear={href({ year: undefined, page: 1 })}
      />
    </nav>
  );
}
