// No imports: the scenario schema checks its events' dates with it.

/**
 * A historical date at the precision its source gives it, no finer:
 * "1955" (a year), "1955-05" (a month), "1954-09-24" (a day) or
 * "1956-02-24/25" (two days of one month, as the brief dates Khrushchev's speech).
 */
const FORMS = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:\/(\d{2}))?)?)?$/;

const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const MONTH = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
const MONTH_ONLY = new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" });

function parts(date: string): { y: number; m?: number; d?: number; to?: number } {
  const match = FORMS.exec(date);
  if (!match) throw new Error(`"${date}" is not a historical date (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DD/DD).`);
  const [, y, m, d, to] = match;
  return {
    y: Number(y),
    ...(m ? { m: Number(m) } : {}),
    ...(d ? { d: Number(d) } : {}),
    ...(to ? { to: Number(to) } : {}),
  };
}

/** Whether `date` is one of the forms above. */
export function isHistoricalDate(date: string): boolean {
  return FORMS.test(date);
}

/** The first day a historical date can mean, as YYYY-MM-DD: a year from 1 January, a month from its 1st. */
export function historicalDay(date: string): string {
  const { y, m = 1, d = 1 } = parts(date);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Whether the day `iso` (YYYY-MM-DD) falls within a historical date. */
export function withinHistoricalDate(iso: string, date: string): boolean {
  const { y, m, d, to } = parts(date);
  const [iy, im, id] = iso.split("-").map(Number);
  if (iy !== y) return false;
  if (m === undefined) return true;
  if (im !== m) return false;
  if (d === undefined) return true;
  return id! >= d && id! <= (to ?? d);
}

/** "1955", "May 1955", "24 September 1954" or "24–25 February 1956": never finer than the source. */
export function historicalDateLabel(date: string): string {
  const { y, m, d, to } = parts(date);
  if (m === undefined) return String(y);
  const first = new Date(Date.UTC(y, m - 1, 1));
  if (d === undefined) return MONTH.format(first);
  if (to === undefined) return DAY.format(new Date(Date.UTC(y, m - 1, d)));
  return `${d}–${to} ${MONTH_ONLY.format(first)} ${y}`;
}
