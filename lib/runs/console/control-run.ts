import "server-only";
import type { SoloControlRequest } from "@/lib/api-types";
import type { SessionUser } from "@/lib/authz";
import { db } from "@/lib/db";
import { fail, type Result } from "@/lib/failure";
import { dayNumber } from "@/lib/sim/engine";
import type { RunEvent as RunMachineEvent } from "@/machines/run.machine";
import { applyEffectTo, EffectError } from "@/lib/sim/scenario-schema";
import { dateLabel, simDate } from "@/lib/runs/calendar";
import { runStatusAfter } from "@/lib/runs/clock";
import { findInjection, historicalDateLabel, injectionIsEarly } from "@/lib/runs/injections";
import { seatsFit, type SeatRole } from "@/lib/runs/deal-cases";
import { dealAtStart } from "./deal-at-start";
import type { NewLogEntry } from "@/lib/runs/store/log-entry";
import { classNeeds, filesPerDesk, HELP_AFTER_DAYS } from "@/lib/runs/district-plan";
import { withSeatRole } from "@/lib/runs/store/stored-rows";
import { dealPrisoners } from "@/lib/runs/camp/camp-engine";
import { RunBusy, RunNotFound, runStore, WrongKindOfRun, type Change } from "@/lib/runs/store/store";
import { controlSchema, soloControlSchema, type ControlInput } from "@/lib/runs/validation";
import { nextNoticeableDay } from "@/lib/runs/seat-view/next-news";
import { SKIP_AHEAD_MAX_DAYS } from "@/lib/runs/policy";
import { seatCaseIndexes } from "@/lib/runs/store/queries";
import { getSeatAccess, SEAT_ACCESS_MESSAGES } from "@/lib/runs/seats/seat-access";
import { seatControlChange } from "@/lib/runs/seats/seat-controls";
import { classroomChange } from "./classroom";

/**
 * Refusals: `invalid` (not a control at all), `notFound` (no such run among
 * the owner's), `forbidden` (not this player's to steer), `conflict` (the
 * run's state or clock does not allow it), `busy`.
 */
export type ControlResult = Result;

export const RUN_NOT_FOUND = "There is no such run among yours.";

/** A log entry for one of the run machine's events, before its actor (the instructor) is added. */
type ControlEntry = WithoutActor<Extract<NewLogEntry, { type: RunMachineEvent["type"] }>>;
/** Omit, member by member (a plain Omit of a union would lose which payload goes with which type). */
type WithoutActor<E> = E extends unknown ? Omit<E, "actor"> : never;

const REFUSED: Record<ControlInput["action"], string> = {
  start: "The run has already started.",
  pause: "The clock is not running.",
  resume: "The clock is not paused.",
  end: "Only a started run can be ended.",
  archive: "End the run before archiving it.",
  delete: "",
  setSpeed: "The run is over; its speed no longer matters.",
  jump: "The clock can only jump forward, within the scenario's dates, while the run is under way.",
  inject: "Events can be injected only while the run is under way.",
  reassign: "Roles can only change in the lobby, before the run starts.",
  removeSeat: "That seat cannot be removed now.",
  renameSeat: "That seat cannot be renamed now.",
  lockJoining: "Joining cannot change now.",
  message: "Messages reach the class only while the run is open.",
  eyesUp: "Students' screens can be covered only while the run is open.",
  lessonTimer: "The lesson timer can be set only while the run is open.",
};

/**
 * The instructor's controls: clock (start, pause, resume, speed, jump, end),
 * archive, delete, role changes in the lobby, and seats (remove, rename, lock
 * joining: lib/runs/seats/seat-controls.ts). The run machine decides
 * which controls apply in which state; only the run's owner may use them.
 */
export async function controlRun(user: SessionUser, runId: string, raw: unknown): Promise<ControlResult> {
  const parsed = controlSchema.safeParse(raw);
  if (!parsed.success) return fail("invalid", parsed.error.issues[0]?.message ?? "That control is unknown.");
  const input = parsed.data;
  const owned = await db.run.findFirst({ where: { id: runId, ownerId: user.id }, select: { id: true } });
  if (!owned) return fail("notFound", RUN_NOT_FOUND);
  if (input.action === "delete") {
    await db.run.deleteMany({ where: { id: runId, ownerId: user.id } });
    runStore.forget(runId);
    return { ok: true };
  }
  return applyControl(runId, input);
}

/** The controls a self-guided player has over their own run's clock. */
export const SOLO_CONTROLS = [
  "pause",
  "resume",
  "setSpeed",
  "jump",
  "skipAhead",
  "end",
] as const satisfies readonly SoloControlRequest["action"][];

export const NOTHING_MORE_COMES = "The run has reached its last day: end it to see what happened behind the scenes.";

/**
 * A self-guided player steers their own run: only a run without an owner,
 * only from the browser holding its seat, only the clock.
 */
export async function controlSoloRun(
  runId: string,
  seatCookie: string | undefined,
  raw: unknown,
): Promise<ControlResult> {
  const parsed = soloControlSchema.safeParse(raw);
  if (!parsed.success) return fail("invalid", parsed.error.issues[0]?.message ?? "That control is unknown.");
  const input = parsed.data;
  const access = await getSeatAccess(runId, seatCookie);
  if (access.status !== "ok") return fail("forbidden", SEAT_ACCESS_MESSAGES[access.status]);
  const solo = await db.run.count({ where: { id: runId, ownerId: null } });
  if (solo === 0) return fail("forbidden", "Only your teacher can steer this class's clock.");
  if (!(SOLO_CONTROLS as readonly string[]).includes(input.action))
    return fail("forbidden", "That control is not yours.");
  if (input.action === "skipAhead") return skipAhead(runId, access.seat);
  return applyControl(runId, input);
}

/**
 * "Skip ahead until something happens": the clock jumps to the first day on
 * which this seat would notice something on its cases (lib/runs/seat-view/next-news.ts),
 * SKIP_AHEAD_MAX_DAYS at most.
 * The log keeps an ordinary jump to that day, so a replay needs no search.
 */
async function skipAhead(runId: string, seat: { id: string; role: SeatRole }): Promise<ControlResult> {
  const caseIndexes = await seatCaseIndexes(seat.id);
  let found: { toDate: string } | string;
  try {
    found = await runStore.read(runId, (run, world, scenario) => {
      if (run.simDay >= run.horizonDays) return NOTHING_MORE_COMES;
      if (run.status !== "running" && run.status !== "paused") return REFUSED.jump;
      // Capped, so silence looks like a long wait, not like a leap to the end that gives away a lost letter.
      const lastDay = Math.min(run.horizonDays, Math.floor(run.simDay) + SKIP_AHEAD_MAX_DAYS);
      const day = nextNoticeableDay(world, scenario, seat.role, caseIndexes, lastDay) ?? lastDay;
      return { toDate: simDate(scenario.startDate, day) };
    });
  } catch (error) {
    if (error instanceof WrongKindOfRun) return fail("conflict", "This run's clock skips ahead by the month.");
    if (error instanceof RunNotFound) return fail("notFound", RUN_NOT_FOUND);
    if (error instanceof RunBusy) return fail("busy", error.message);
    throw error;
  }
  if (typeof found === "string") return fail("conflict", found);
  return applyControl(runId, { action: "jump", toDate: found.toDate });
}

/** Applies a control to a run. Callers check first who may (controlRun, controlSoloRun, startSoloRun). */
export async function applyControl(runId: string, input: ControlInput): Promise<ControlResult> {
  try {
    return await runStore.withRun(runId, async (s): Promise<ControlResult> => {
      const run = s.run;
      const status = run.status;
      const now = new Date(runStore.nowMs());
      const refuse = (message = REFUSED[input.action]): ControlResult => fail("conflict", message);
      /** The run machine's event for a control, the row's change, and what the log says of it (the same type). */
      const control = (
        event: RunMachineEvent,
        change: Change["run"],
        entry: ControlEntry,
      ): (Change & { entries: NewLogEntry[] }) | null => {
        const next = runStatusAfter(run, event);
        if (next === null) return null;
        return {
          run: { ...change, status: next, ...(next === "debrief" ? { anchorAt: null, endedAt: now } : {}) },
          entries: [{ ...entry, actor: "instructor" }],
        };
      };
      let change: Change | null = null;
      switch (input.action) {
        case "start": {
          const starting = control(
            { type: "run.start" },
            { anchorAt: now, startedAt: now },
            { type: "run.start", payload: {} },
          );
          if (!starting) return refuse();
          const seats = (await db.seat.findMany({ where: { runId, removedAt: null }, orderBy: { number: "asc" } })).map(
            (seat) => withSeatRole(seat, runId),
          );
          if (s.engine.kind === "camp") {
            // Each prisoner seat is dealt one prisoner of the camp; clerks share the camp's queue.
            const dealt = dealPrisoners(s.engine.camp, run.seed, new Set(), seats);
            if (dealt.length > 0) {
              const cases = dealt.map((d): [number, SeatRole] => [d.caseIndex, "petitioner"]);
              starting.entries.push({ type: "seats.deal", actor: "system", payload: { cases } });
            }
            change = starting;
            change.also = async (tx) => {
              await tx.seatCase.createMany({
                data: dealt.map((d) => ({ runId, caseIndex: d.caseIndex, seatId: d.seatId, role: "petitioner" })),
              });
            };
            break;
          }
          const { dealt, entries } = dealAtStart(s.world, {
            seed: run.seed,
            seats: seats.map((seat) => ({ key: seat.id, role: seat.role })),
            deskFiles: run.deskFiles,
            // A run without an owner is played alone (startSoloRun).
            solo: run.ownerId === null,
          });
          starting.entries.push(...entries);
          if (run.computerHelps) {
            starting.entries.push({ type: "district.help", actor: "system", payload: { afterDays: HELP_AFTER_DAYS } });
          }
          change = starting;
          change.also = async (tx) => {
            await tx.seatCase.createMany({
              data: dealt.map((d) => ({ runId, caseIndex: d.caseIndex, seatId: d.key, role: d.role })),
            });
          };
          break;
        }
        case "pause":
          change = control(
            { type: "run.pause" },
            { anchorAt: null, restartPause: false },
            { type: "run.pause", payload: {} },
          );
          break;
        case "resume":
          change = control(
            { type: "run.resume" },
            { anchorAt: now, restartPause: false },
            { type: "run.resume", payload: {} },
          );
          break;
        case "end":
          change = control({ type: "run.end" }, {}, { type: "run.end", payload: {} });
          break;
        case "setSpeed":
          change = control(
            { type: "run.setSpeed", daysPerMinute: input.speed },
            { speed: input.speed },
            { type: "run.setSpeed", payload: { speed: input.speed } },
          );
          break;
        case "jump": {
          const toDay = dayNumber(input.toDate) - dayNumber(s.startDate);
          if (!(toDay > run.simDay)) {
            return refuse("Pick a date after the clock's current date: the clock only moves forward.");
          }
          if (toDay > run.horizonDays) {
            return refuse("That date is after the scenario ends. Pick an earlier date, or end the run.");
          }
          change = control(
            { type: "run.advance", toDay },
            { simDay: toDay, ...(status === "running" ? { anchorAt: now } : {}) },
            { type: "run.advance", payload: { fromDay: run.simDay, toDay } },
          );
          break;
        }
        case "inject": {
          if (s.engine.kind === "camp") {
            return refuse("The 1945 camp has no events to inject: its rules are the decree's from the first day.");
          }
          const injection = findInjection(input.eventId)!;
          // Whether the run can take an event at all comes first; then what is wrong with this one.
          const probe = { type: "run.inject" as const, payload: { id: injection.id, effects: [] } };
          if (!control({ type: "run.inject", eventId: injection.id }, {}, probe)) return refuse();
          const done = s.world.injections().find((e) => e.id === injection.id);
          if (done) {
            return refuse(
              `You injected that event already, on ${dateLabel(simDate(s.scenario.startDate, Math.floor(done.day)))}.`,
            );
          }
          if (s.world.eventInForce(injection.id)) {
            return refuse("That event is already in force in this run: the scenario has it from its date on.");
          }
          const early = injectionIsEarly(injection.date, s.scenario.startDate, run.simDay);
          if (early && input.counterfactual !== "on") {
            return refuse(
              `That event came on ${historicalDateLabel(injection.date)}, after the run's date. To inject it early, tick “Inject it early, as a what-if”: every screen will say it did not happen then.`,
            );
          }
          const effects = injection.effects(s.world.parameters);
          try {
            // Checked before anything is written: an effect that cannot apply changes nothing.
            effects.reduce((p, e) => ("action" in e ? p : applyEffectTo(p, e)), s.world.parameters);
          } catch (error) {
            if (error instanceof EffectError) return refuse(`That event cannot apply to this run: ${error.message}`);
            throw error;
          }
          change = control(
            { type: "run.inject", eventId: injection.id },
            {},
            { type: "run.inject", payload: { id: injection.id, effects, ...(early ? { counterfactual: true } : {}) } },
          );
          break;
        }
        case "archive":
          if (status !== "debrief") return refuse();
          change = {
            run: { status: "archived", joinCode: null, archivedAt: now, anchorAt: null },
            entries: [{ type: "run.archive", actor: "instructor", payload: {} }],
          };
          break;
        case "message":
        case "eyesUp":
        case "lessonTimer": {
          const screens = classroomChange(run, input, now);
          if (typeof screens === "string") return refuse(screens);
          change = screens;
          break;
        }
        case "removeSeat":
        case "renameSeat":
        case "lockJoining": {
          const seatChange = await seatControlChange(s, input);
          if (seatChange === null) return { ok: true };
          if (typeof seatChange === "string") return refuse(seatChange);
          change = seatChange;
          break;
        }
        case "reassign": {
          if (status !== "lobby") return refuse();
          const seat = await db.seat.findFirst({ where: { id: input.seatId, runId, removedAt: null } });
          if (!seat) return refuse("That seat is not in this run.");
          if (seat.role === input.role) return { ok: true };
          if (s.engine.kind === "camp") {
            // A camp has room for any class: only the counts change (its size and the computer's help were fixed at creation).
            const delta = input.role === "procurator" ? 1 : -1;
            change = {
              run: {
                procuratorSeats: Math.max(0, run.procuratorSeats + delta),
                petitionerSeats: Math.max(0, run.petitionerSeats - delta),
              },
              entries: [
                { type: "seat.reassign", actor: "instructor", payload: { number: seat.number, role: input.role } },
              ],
              also: async (tx) => {
                await tx.seat.update({ where: { id: seat.id }, data: { role: input.role } });
              },
            };
            break;
          }
          // The teacher's choice wins over the counts set at creation; the caseload must still cover it.
          const delta = input.role === "procurator" ? 1 : -1;
          const procuratorSeats = Math.max(0, run.procuratorSeats + delta);
          const petitionerSeats = Math.max(0, run.petitionerSeats - delta);
          // The district is sized again for the class as it now stands (lib/runs/district-plan.ts).
          const seats = { procurators: procuratorSeats, petitioners: petitionerSeats };
          const deskFiles = filesPerDesk({ scenario: s.scenario, speed: run.speed, ...seats });
          if (!seatsFit(s.world.caseCount, procuratorSeats, petitionerSeats, deskFiles)) {
            return refuse(`Not enough cases. ${classNeeds(s.world.caseCount, deskFiles)}`);
          }
          change = {
            run: {
              procuratorSeats,
              petitionerSeats,
              deskFiles,
              computerHelps: run.computerHelps && procuratorSeats > 0,
            },
            entries: [
              { type: "seat.reassign", actor: "instructor", payload: { number: seat.number, role: input.role } },
            ],
            also: async (tx) => {
              await tx.seat.update({ where: { id: seat.id }, data: { role: input.role } });
            },
          };
          break;
        }
      }
      if (!change) return refuse();
      await s.commit(change);
      return { ok: true };
    });
  } catch (error) {
    if (error instanceof RunNotFound) return fail("notFound", RUN_NOT_FOUND);
    if (error instanceof RunBusy) return fail("busy", error.message);
    throw error;
  }
}
