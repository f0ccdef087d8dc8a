import { transition } from "xstate";
import { runMachine, type RunEvent } from "@/machines/run.machine";
import { TICK_MS } from "./policy";
import type { RunStatus } from "./run-status";

export type ClockState = {
  /** a RunStatus, as stored */
  status: string;
  simDay: number;
  anchorAt: Date | null;
  speed: number;
  horizonDays: number;
};

/**
 * Where the lazily advanced clock should stand at real time `nowMs`, or null
 * if it has not moved a whole tick (ADR 0008). Whole ticks only, and the
 * anchor moves by whole ticks, so whichever request computes it, the clock
 * stops at the same simulated instants.
 */
export function dueClock(clock: ClockState, nowMs: number): { simDay: number; anchorAt: Date; ended: boolean } | null {
  if (clock.status !== "running" || !clock.anchorAt) return null;
  const ticks = Math.floor((nowMs - clock.anchorAt.getTime()) / TICK_MS);
  if (ticks <= 0 || clock.simDay >= clock.horizonDays) return null;
  const simDay = Math.min(clock.horizonDays, clock.simDay + (ticks * TICK_MS * clock.speed) / 60_000);
  return {
    simDay,
    anchorAt: new Date(clock.anchorAt.getTime() + ticks * TICK_MS),
    ended: simDay >= clock.horizonDays,
  };
}

function machineValue(status: string) {
  switch (status) {
    case "lobby":
      return "lobby";
    case "running":
      return { live: "running" };
    case "paused":
      return { live: "paused" };
    default:
      return "debrief";
  }
}

/**
 * What the run machine (machines/run.machine.ts) makes of a clock control:
 * the new status, or null when the machine refuses it in this state.
 */
export function runStatusAfter(clock: ClockState, event: RunEvent): RunStatus | null {
  if (clock.status === "archived") return null;
  const snapshot = runMachine.resolveState({
    value: machineValue(clock.status),
    context: { horizonDay: clock.horizonDays, speedDaysPerMinute: clock.speed, simDay: clock.simDay, injections: [] },
  });
  if (!snapshot.can(event)) return null;
  const [next] = transition(runMachine, snapshot, event);
  if (next.matches("lobby")) return "lobby";
  if (next.matches({ live: "running" })) return "running";
  if (next.matches({ live: "paused" })) return "paused";
  return "debrief";
}
