/**
 * Dates repeat: every desk and every case on it shows the same few days, so a
 * class of 1,000 formats the same dates thousands of times a simulated day.
 * Each function keeps what it computed, up to this many dates (then starts over).
 * Not lru-cache, which the server already uses: this module also runs in the
 * browser (the solo controls), where that package would cost more bytes than
 * these few lines.
 */
const REMEMBERED_DATES = 4096;

function remembered<T>(compute: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      if (known.size >= REMEMBERED_DATES) known.clear();
      value = compute(key);
      known.set(key, value);
    }
    return value;
  };
}

const dayOf = remembered((key) => {
  const [startDate, day] = key.split("|");
  const [y, m, d] = startDate!.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + Number(day))).toISOString().slice(0, 10);
});

/** The calendar date of a simulated day, as YYYY-MM-DD (calendar arithmetic, not the wall clock). */
export function simDate(startDate: string, simDay: number): string {
  return dayOf(`${startDate}|${Math.floor(simDay)}`);
}

// One formatter for the process: building one per call (toLocaleDateString) costs ~35× more.
const LONG_DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "1954-08-12" → "12 August 1954" */
export const dateLabel: (iso: string) => string = remembered((iso) => {
  const [y, m, d] = iso.split("-").map(Number);
  return LONG_DATE.format(new Date(Date.UTC(y!, m! - 1, d!)));
});
