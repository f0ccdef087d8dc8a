/** "Case 0417": a case's file number, never a person's name. */
export function caseLabel(index: number): string {
  return `Case ${String(index + 1).padStart(4, "0")}`;
}
