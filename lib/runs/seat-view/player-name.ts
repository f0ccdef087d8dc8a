/**
 * The name a seat's page shows for its player, or null for a self-guided
 * seat: its name is only the join form's placeholder ("You"), so "Playing as
 * You" would name nobody; the page says the seat is played alone instead.
 */
export function playerName(displayName: string, solo: boolean): string | null {
  return solo ? null : displayName;
}
