import Link from "@/components/SiteLink";
import type { Crumb } from "@/lib/seo/structured-data";

/** The visible trail that the page's BreadcrumbList describes; the last crumb is the page itself. */
export function Breadcrumbs({ crumbs }: { crumbs: Crumb[] }) {
  const trail = crumbs.slice(0, -1);
  if (!trail.length) return null;
  return (
    <nav className="crumbs" aria-label="位置">
      <ol>
        {trail.map((c) => (
          <li key={c.path}>
            <Link href={c.path}>{c.name}</Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
