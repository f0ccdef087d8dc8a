/** A run's status as stored: the states of machines/run.machine.ts, then archived. */
export const RUN_STATUSES = ["lobby", "running", "paused", "debrief", "archived"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/**
 * The status a seat's desk works under. A class's paused clock stops every
 * desk at once, so the teacher has the room's attention. Someone playing alone
 * pauses to read and write calmly, so their desk stays open: what they do is
 * dated on the day the clock stands at, and goes on its way when it moves on.
 */
export function deskStatus(status: RunStatus, selfGuided: boolean): RunStatus {
  return selfGuided && status === "paused" ? "running" : status;
}
