// Why a search found nothing (or little): the question is not answered anywhere (no_content), the
// filters chosen leave out answers the same words find without them (filters), or answers exist for
// other regions only (region). Pure: the facts come from probe searches that lib/site/search.ts runs.

/** At most this many hits is a weak result: the ask form and an explanation are shown. */
export const WEAK_MAX = 3;

export type Cause = "no_content" | "filters" | "region";

export const CAUSE_LABELS: Record<Cause | "no_click", string> = { no_content: "没有内容", filters: "筛选过窄", region: "地区未覆盖", no_click: "有结果无点击" };

export function isWeak(r: { total: number }): boolean {
  return r.total > 0 && r.total <= WEAK_MAX;
}

export type CauseFacts = {
  /** Hits of the search as made. */
  total: number;
  /** The region asked about (a filter or a place named in the query), nationwide excluded. */
  askedRegion?: string;
  /** Hits within the asked region (null: not probed). */
  regionHits?: number | null;
  /** Hits of the same words without the region (null: not probed). */
  totalWithoutRegion?: number | null;
  /** An insurance, topic or year filter was chosen. */
  otherFilters?: boolean;
  /** Hits of the same words without any filter (null: not probed). */
  totalWithoutFilters?: number | null;
};

/** null: the search found enough, nothing to explain. */
export function classifyCause(f: CauseFacts): Cause | null {
  if (f.askedRegion && f.regionHits === 0 && (f.totalWithoutRegion ?? 0) > 0) return "region";
  if (f.total > WEAK_MAX) return null;
  if (f.otherFilters && (f.totalWithoutFilters ?? 0) > f.total) return "filters";
  return "no_content";
}
