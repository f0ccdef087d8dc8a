import type { ClockView } from "@/lib/runs/seat-view/views";

/** What the clock's status says on a seat: who paused it, if anyone. */
export function statusText(clock: ClockView, solo: boolean): string {
  switch (clock.status) {
    case "lobby":
      return "Waiting for your teacher to start the clock";
    case "running":
      return "The clock is running";
    case "paused":
      if (clock.pausedBy === "restart") return "Paused: the server restarted";
      return clock.pausedBy === "player" || solo ? "Paused" : "Paused by your teacher";
    case "debrief":
      return "The run has ended";
    default:
      return "This class has been archived";
  }
}
