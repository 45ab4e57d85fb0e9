// What became of a content gap once its question was answered: how long readers waited (first search →
// published answer) and how many of their searches still found nothing, before and after. Pure: the
// counts come from lib/analytics/gaps.ts.

import { chinaDate, chinaMidnight, startOfChinaDay } from "../domain/dates.ts";
const DAY = 86_400_000;
/** Rates per day are taken over at least this long, so that a window of an hour is not read as a trend. */
const MIN_WINDOW_MS = DAY;
/** Up to this many days the series has a point per day; past it, one per week. */
const DAILY_UP_TO = 62;

export type Counts = { searches: number; zeroHits: number };

/** The searches of one side of the publication, over the part of it the search log still holds. */
export type HistoryWindow = Counts & {
  from: string;
  to: string;
  /** Length of the window the counts cover, in days (searches older than the log's retention are gone). */
  days: number;
  /** Zero-result searches per day; null when the log no longer covers any of the window. */
  zeroPerDay: number | null;
  /** Share of the window's searches that found nothing; null without searches. */
  zeroRate: number | null;
};

export type GapHistory = {
  firstSearchAt: string;
  questionAt: string;
  answeredAt: string;
  /** First search → published answer. */
  leadTimeMs: number;
  leadTimeDays: number;
  /** Question created → published answer (the advisors' part of the lead time). */
  answerTimeMs: number;
  before: HistoryWindow;
  after: HistoryWindow;
  /** 1 − after/before of zero-result searches per day: 0.8 means 80 % fewer; negative, more. Null when it cannot be told. */
  zeroPerDayDrop: number | null;
  /** Searches before this moment have left the log (SEARCH_LOG_RETENTION_DAYS). */
  logSince: string;
};

export type HistoryInput = {
  firstSearchAt: Date;
  questionAt: Date;
  answeredAt: Date;
  now: Date;
  logSince: Date;
  before: Counts;
  after: Counts;
};

const iso = (d: Date) => d.toISOString();
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

function sideOf(from: Date, to: Date, logSince: Date, c: Counts): HistoryWindow {
  const covered = to.getTime() - Math.max(from.getTime(), logSince.getTime());
  const days = covered > 0 ? Math.max(covered, MIN_WINDOW_MS) / DAY : 0;
  return {
    from: iso(from),
    to: iso(to),
    searches: c.searches,
    zeroHits: c.zeroHits,
    days: round(days, 2),
    zeroPerDay: days > 0 ? c.zeroHits / days : null,
    zeroRate: c.searches ? c.zeroHits / c.searches : null,
  };
}

export function gapHistory(i: HistoryInput): GapHistory {
  const lead = i.answeredAt.getTime() - i.firstSearchAt.getTime();
  const before = sideOf(i.firstSearchAt, i.answeredAt, i.logSince, i.before);
  const after = sideOf(i.answeredAt, i.now, i.logSince, i.after);
  return {
    firstSearchAt: iso(i.firstSearchAt),
    questionAt: iso(i.questionAt),
    answeredAt: iso(i.answeredAt),
    leadTimeMs: lead,
    leadTimeDays: round(lead / DAY, 1),
    answerTimeMs: i.answeredAt.getTime() - i.questionAt.getTime(),
    before,
    after,
    zeroPerDayDrop: before.zeroPerDay && after.zeroPerDay !== null ? 1 - after.zeroPerDay / before.zeroPerDay : null,
    logSince: iso(i.logSince),
  };
}

/** Where a point of the series lies: before the question, while it waited for its answer, after it; or a point the moment falls in. */
export type Phase = "before_question" | "waiting" | "answered" | "question_asked" | "answer_published";

export type SeriesPoint = Counts & { start: string; phase: Phase };
export type Series = { unit: "day" | "week"; points: SeriesPoint[] };

// Days and weeks are China's (lib/domain/dates.ts).
const startOfDay = startOfChinaDay;
// 1970-01-01 was a Thursday: weeks start on Monday, as in China.
const startOfWeek = (t: number) => startOfDay(t) - ((Date.parse(chinaDate(t)) / DAY + 3) % 7) * DAY;

/**
 * The searches of a gap per day (per week past DAILY_UP_TO days) from `from` to `now`, every period
 * present (zero when nothing was searched), each marked with its phase. `days` are China days
 * (YYYY-MM-DD) with their counts, as Postgres groups them (chinaDateSql).
 */
export function historySeries(days: (Counts & { day: string })[], o: { from: Date; now: Date; questionAt?: Date | null; answeredAt?: Date | null }): Series {
  const first = startOfDay(o.from.getTime());
  const last = startOfDay(o.now.getTime());
  const unit = (last - first) / DAY + 1 > DAILY_UP_TO ? "week" : "day";
  const start = unit === "day" ? startOfDay : startOfWeek;
  const size = unit === "day" ? DAY : 7 * DAY;
  const points = new Map<number, SeriesPoint>();
  for (let t = start(first); t <= last; t += size) points.set(t, { start: chinaDate(t), searches: 0, zeroHits: 0, phase: phaseOf(t, t + size, o) });
  for (const d of days) {
    const p = points.get(start(chinaMidnight(d.day).getTime()));
    if (!p) continue;
    p.searches += d.searches;
    p.zeroHits += d.zeroHits;
  }
  return { unit, points: [...points.values()] };
}

function phaseOf(from: number, to: number, o: { questionAt?: Date | null; answeredAt?: Date | null }): Phase {
  const asked = o.questionAt?.getTime();
  const answered = o.answeredAt?.getTime();
  if (answered !== undefined && answered >= from && answered < to) return "answer_published";
  if (answered !== undefined && from >= answered) return "answered";
  if (asked !== undefined && asked >= from && asked < to) return "question_asked";
  if (asked !== undefined && from >= asked) return "waiting";
  return "before_question";
}

export const PHASE_LABELS: Record<Phase, string> = {
  before_question: "转为问题前",
  question_asked: "转为问题",
  waiting: "待解答",
  answer_published: "发布解答",
  answered: "已解答",
};

/** "3 天 4 小时", "5 小时", "12 分钟": a lead time as reviewers read it. */
export function durationText(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d) return h ? `${d} 天 ${h} 小时` : `${d} 天`;
  if (h) return m ? `${h} 小时 ${m} 分钟` : `${h} 小时`;
  return `${m} 分钟`;
}
