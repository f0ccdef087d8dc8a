import { assign, setup } from "xstate";

export type RunInput = { horizonDay: number; speedDaysPerMinute: number };
export type RunContext = RunInput & { simDay: number; injections: string[] };
export type RunEvent =
  | { type: "run.start" }
  | { type: "run.pause" }
  | { type: "run.resume" }
  | { type: "run.setSpeed"; daysPerMinute: number }
  | { type: "run.advance"; toDay: number }
  | { type: "run.inject"; eventId: string }
  | { type: "run.end" };

/** Speeds a class can follow: from one day a minute to a season a minute (invented bounds). */
export const MIN_SPEED = 1;
export const MAX_SPEED = 120;

/**
 * One playing of a scenario by a class (../shared/architecture.md §1).
 *
 * Each state's `description` says what it meant historically; `meta.rule`
 * names the rule (machines/rules.ts, with its source key) where one applies.
 */
export const runMachine = setup({
  types: { context: {} as RunContext, events: {} as RunEvent, input: {} as RunInput },
  guards: {
    speedInRange: ({ event }) =>
      event.type === "run.setSpeed" && event.daysPerMinute >= MIN_SPEED && event.daysPerMinute <= MAX_SPEED,
    /** Time only moves forward, and not past the scenario's horizon. */
    advancesWithinHorizon: ({ context, event }) =>
      event.type === "run.advance" && event.toDay >= context.simDay && event.toDay <= context.horizonDay,
    reachesHorizon: ({ context, event }) => event.type === "run.advance" && event.toDay === context.horizonDay,
  },
  actions: {
    setSpeed: assign({
      speedDaysPerMinute: ({ context, event }) =>
        event.type === "run.setSpeed" ? event.daysPerMinute : context.speedDaysPerMinute,
    }),
    advance: assign({ simDay: ({ context, event }) => (event.type === "run.advance" ? event.toDay : context.simDay) }),
    recordInjection: assign({
      injections: ({ context, event }) =>
        event.type === "run.inject" ? [...context.injections, event.eventId] : context.injections,
    }),
  },
}).createMachine({
  id: "run",
  version: "1",
  context: ({ input }) => ({ ...input, simDay: 0, injections: [] }),
  initial: "lobby",
  states: {
    lobby: {
      description: "Students join; the clock has not started.",
      on: {
        "run.start": { target: "live" },
        "run.setSpeed": { guard: "speedInRange", actions: "setSpeed" },
      },
    },
    live: {
      description: "The run is under way: the teacher steers the clock, changes its speed and injects events.",
      initial: "running",
      states: {
        running: {
          description: "Simulated days pass at the chosen speed.",
          on: { "run.pause": { target: "paused" } },
        },
        paused: {
          description: 'The teacher stopped the clock to ask "why is nothing moving?".',
          on: { "run.resume": { target: "running" } },
        },
      },
      on: {
        "run.end": { target: "debrief" },
        "run.setSpeed": { guard: "speedInRange", actions: "setSpeed" },
        "run.inject": { actions: "recordInjection" },
        "run.advance": [
          { guard: "reachesHorizon", target: "debrief", actions: "advance" },
          { guard: "advancesWithinHorizon", actions: "advance" },
        ],
      },
    },
    debrief: {
      type: "final",
      description: "The run is over and read-only; the class compares its numbers with the historical record.",
    },
  },
});
