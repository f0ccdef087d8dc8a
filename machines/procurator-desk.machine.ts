import { assign, setup } from "xstate";

export type DeskInput = { hoursPerDay: number };
export type DeskContext = DeskInput & { hoursLeft: number; memos: number };
export type DeskEvent = { type: "desk.newDay" } | { type: "desk.work"; hours: number } | { type: "desk.memo" };

/**
 * A procurator's desk: a limited number of hours a simulated day
 * (RULES.reviewHours) and the pressure memos that arrive with them
 * (RULES.pressure).
 *
 * Each state's `description` says what it meant historically; `meta.rule`
 * names the rule (machines/rules.ts, with its source key) where one applies.
 */
export const procuratorDeskMachine = setup({
  types: { context: {} as DeskContext, events: {} as DeskEvent, input: {} as DeskInput },
  guards: {
    /** A file is only read if today's remaining hours cover it. */
    hoursCoverWork: ({ context, event }) =>
      event.type === "desk.work" && event.hours > 0 && event.hours <= context.hoursLeft,
    spendsLastHours: ({ context, event }) => event.type === "desk.work" && event.hours === context.hoursLeft,
  },
  actions: {
    spend: assign({
      hoursLeft: ({ context, event }) =>
        event.type === "desk.work" ? context.hoursLeft - event.hours : context.hoursLeft,
    }),
    refill: assign({ hoursLeft: ({ context }) => context.hoursPerDay }),
    recordMemo: assign({ memos: ({ context }) => context.memos + 1 }),
  },
}).createMachine({
  id: "procuratorDesk",
  version: "1",
  context: ({ input }) => ({ ...input, hoursLeft: input.hoursPerDay, memos: 0 }),
  initial: "open",
  states: {
    open: {
      description: "Hours are left today: files can be read.",
      on: {
        "desk.work": [
          { guard: "spendsLastHours", target: "exhausted", actions: "spend" },
          { guard: "hoursCoverWork", actions: "spend" },
        ],
      },
    },
    exhausted: { description: "Today's hours are spent; files wait for tomorrow." },
  },
  on: {
    "desk.newDay": { target: ".open", actions: "refill" },
    "desk.memo": { actions: "recordMemo" },
  },
});
