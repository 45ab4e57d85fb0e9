// The one rule for dates: the site's days are China's (policies take effect on local dates, an answer
// written at 07:00 Beijing time is dated that day, not the UTC day before) and every time shown to a
// person is China time, said so. UTC stays in storage only: timestamps are stored as instants, DATE
// columns as the day itself. Pure and universal: pages, route handlers and the calculator widget use it.

export const CHINA_TIME_ZONE = "Asia/Shanghai";
/** Said next to every time shown, so that a reader abroad (or a UTC log beside it) is not misled. */
export const CHINA_TIME_LABEL = "北京时间";

// "sv-SE" formats as YYYY-MM-DD HH:mm:ss, the ISO order, whatever the server's locale.
const dayFormat = new Intl.DateTimeFormat("sv-SE", { timeZone: CHINA_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });
const minuteFormat = new Intl.DateTimeFormat("sv-SE", { timeZone: CHINA_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const secondFormat = new Intl.DateTimeFormat("sv-SE", { timeZone: CHINA_TIME_ZONE, hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });

const instant = (at: Date | string | number) => (at instanceof Date ? at : new Date(at));

/** "YYYY-MM-DD" in China: today's date for every rule and every date written (answers, questions). */
export function todayInChina(now: Date = new Date()): string {
  return dayFormat.format(now);
}

/** The China day of an instant, "YYYY-MM-DD". */
export function chinaDate(at: Date | string | number): string {
  return dayFormat.format(instant(at));
}

/** "YYYY-MM-DD HH:mm" in China time (without the label: pages put CHINA_TIME_LABEL where it reads well). */
export function chinaDateTime(at: Date | string | number): string {
  return minuteFormat.format(instant(at));
}

/** "HH:mm:ss" in China time, for a time within the next hours (a claim's expiry, a draft's save). */
export function chinaTime(at: Date | string | number): string {
  return secondFormat.format(instant(at));
}

/** The day `days` after (or before, when negative) a "YYYY-MM-DD" day; calendar arithmetic, no time zone. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

// China has kept UTC+8 all year since 1991: a fixed offset makes day arithmetic on instants exact.
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The instant China's day `day` ("YYYY-MM-DD") begins. */
export function chinaMidnight(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/** The instant (ms) the China day holding `t` (ms) began. */
export function startOfChinaDay(t: number): number {
  return Math.floor((t + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS;
}

/**
 * SQL form: the China day (a DATE) of a timestamp column, as Postgres should group by it. Prisma's
 * DateTime columns are `timestamp` without a zone holding UTC: read as UTC first, then as China time.
 */
export function chinaDateSql(column: string): string {
  return `((${column} AT TIME ZONE 'UTC') AT TIME ZONE '${CHINA_TIME_ZONE}')::date`;
}
