/** "1 day", "3 days": a count of days in plain English, for any page (no server code here). */
export function daysText(n: number): string {
  return `${n} ${n === 1 ? "day" : "days"}`;
}
