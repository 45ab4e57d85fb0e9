// Which edition a page shows, and how it names it. Pure.

export type EditionInfo = { id: string; catalogue: string; part: string; label: string; effective: string; year: number };

/** "2025年版，2026年1月1日起执行" */
export function editionLine(e: Pick<EditionInfo, "label" | "effective">): string {
  const [y, m, d] = e.effective.split("-").map(Number);
  return `${e.label}，${y}年${m}月${d}日起执行`;
}

/**
 * The edition in force on `today` (YYYY-MM-DD) for each list and part: the newest one already in
 * effect; before any is in effect, the earliest. A new edition imported ahead of its date waits.
 */
export function currentEditions<E extends EditionInfo>(editions: E[], today: string): E[] {
  const byList = new Map<string, E[]>();
  for (const e of editions) byList.set(`${e.catalogue}/${e.part}`, [...(byList.get(`${e.catalogue}/${e.part}`) ?? []), e]);
  return [...byList.values()].map((list) => {
    const sorted = [...list].sort((a, b) => a.effective.localeCompare(b.effective));
    return [...sorted].reverse().find((e) => e.effective <= today) ?? sorted[0]!;
  });
}

export const SECTION_LABELS: Record<string, string> = {
  西药部分: "西药部分",
  "协议期内谈判药品部分（一）西药": "协议期内谈判药品（西药）",
  竞价药品部分: "竞价药品",
};

/** "*" in 医保支付标准: the company asked for the price to stay confidential (备注1). */
export function paymentStandardText(s: string | null): string | null {
  if (s === null) return null;
  return s === "*" ? "企业申请价格保密，未公布" : s;
}
