// "Is an article of region X within the region Y asked about?" — one rule in the forms each store needs:
// pure, SQL, Prisma and Meilisearch. Y's level is read from its GB/T 2260 digits: PP0000 a province
// (every place in it, not the nationwide articles), PPCC00 a city (its counties too), anything else a
// county (itself), 000000 the nationwide articles only. Pure.
import { NATIONWIDE } from "./index.ts";

export type ScopeLevel = "nation" | "province" | "city" | "county";

export function scopeLevel(scope: string): ScopeLevel {
  if (scope === NATIONWIDE) return "nation";
  if (scope.endsWith("0000")) return "province";
  if (scope.endsWith("00")) return "city";
  return "county";
}

/** What a region column is compared with: the 2- or 4-digit prefix of a province or city, else the code. */
function prefix(scope: string): string {
  const level = scopeLevel(scope);
  return level === "province" ? scope.slice(0, 2) : level === "city" ? scope.slice(0, 4) : scope;
}

/** Pure: is an article of region `code` within `scope`? */
export function withinScope(scope: string, code: string): boolean {
  const level = scopeLevel(scope);
  if (level === "nation" || level === "county") return code === scope;
  return code !== NATIONWIDE && code.startsWith(prefix(scope));
}

/**
 * SQL: the condition on `column` with `placeholder` ($n) standing for scopeSqlValue(scope), so that
 * a query with fixed parameter positions can use it as well as one that numbers them as it goes.
 */
export function scopeSql(scope: string, column: string, placeholder: string): string {
  const level = scopeLevel(scope);
  if (level === "province") return `left(${column}, 2) = ${placeholder}`;
  if (level === "city") return `left(${column}, 4) = ${placeholder}`;
  return `${column} = ${placeholder}`;
}

export function scopeSqlValue(scope: string): string {
  return prefix(scope);
}

/** Prisma: the `where` on a model's region field. */
export function scopeWhere(scope: string): { region: string | { startsWith: string } } {
  const level = scopeLevel(scope);
  return level === "province" || level === "city" ? { region: { startsWith: prefix(scope) } } : { region: scope };
}

/** Meilisearch: the filter on the search document's region fields (province and city hold their codes). */
export function scopeFilter(scope: string): string {
  const level = scopeLevel(scope);
  const field = level === "province" ? "province" : level === "city" ? "city" : "region";
  return `${field} = ${JSON.stringify(scope)}`;
}
