/** The calendar date of a simulated day, as YYYY-MM-DD (calendar arithmetic, not the wall clock). */
export function simDate(startDate: string, simDay: number): string {
  const [y, m, d] = startDate.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + Math.floor(simDay))).toISOString().slice(0, 10);
}

// One formatter for the process: building one per call (toLocaleDateString) costs ~35× more.
const LONG_DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "1954-08-12" → "12 August 1954" */
export function dateLabel(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return LONG_DATE.format(new Date(Date.UTC(y!, m! - 1, d!)));
}
