/**
 * Counts beside shares. A province's 1,500 cases and the country's 467,946
 * cannot be compared by counts: on one axis the province's bars vanish. So
 * wherever the lab compares counts between runs, it gives each as a share of
 * that run's own cases (or prisoners) too.
 */

export function shareOf(count: number, total: number): number {
  return total > 0 ? count / total : 0;
}

/** "12.3%"; a small share that is not nothing reads "under 0.1%", never "0%". */
export function formatShare(share: number): string {
  if (share > 0 && share < 0.0005) return "under 0.1%";
  return `${(Math.round(share * 1000) / 10).toLocaleString("en")}%`;
}

/** "1,153 (76.9%)": a count with its share of the run's total. */
export function countWithShare(count: number, total: number): string {
  return `${count.toLocaleString("en")} (${formatShare(shareOf(count, total))})`;
}

/** "1.2M", "468k", "1,500": short enough for an axis on a phone. */
export function compactNumber(x: number): string {
  const abs = Math.abs(x);
  if (abs >= 1_000_000) return `${trim(x / 1_000_000)}M`;
  if (abs >= 10_000) return `${trim(x / 1_000)}k`;
  return Math.round(x).toLocaleString("en");
}

function trim(x: number): string {
  const rounded = Math.abs(x) >= 100 ? Math.round(x) : Math.round(x * 10) / 10;
  return String(rounded);
}
