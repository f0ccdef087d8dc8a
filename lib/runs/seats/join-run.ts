import "server-only";
import { db } from "@/lib/db";
import { fail, type Result } from "@/lib/failure";
import { generateRejoinCode, formatRejoinCode, newSeatToken } from "@/lib/runs/codes";
import { backlogOf, dealSeats, type Dealt, type Desk, type SeatRole } from "@/lib/runs/deal-cases";
import { isCrowded } from "@/lib/attempt-lanes";
import { limitJoinAttempts, TOO_MANY_JOINING_AT_ONCE } from "./join-rate-limit";
import { invalidForm, runForCode, unknownCode } from "./run-for-code";
import type { NewLogEntry } from "@/lib/runs/store/log-entry";
import { ReplayedRequest, RunBusy, runStore } from "@/lib/runs/store/store";
import { withSeatRole } from "@/lib/runs/store/stored-rows";
import { joinSchema } from "@/lib/runs/validation";
import { freeName } from "./seat-controls";
import { dealPrisoners } from "@/lib/runs/camp/camp-engine";

/**
 * Refusals: `invalid`, `rateLimited` (a flood of attempts already waiting from this address), `notFound` (no class uses the code),
 * `notLive` (the run has ended), `conflict` (the class is full), `replayed`, `busy`.
 */
export type JoinResult = Result<{
  runId: string;
  seatId: string;
  token: string;
  number: number;
  role: SeatRole;
  rejoinCode: string;
  /** the name the seat goes by: the one asked for, or with a number if a classmate already had it */
  displayName: string;
  nameTaken: boolean;
}>;

/**
 * A student takes a seat: no account, just the class code and a display
 * name. The role is balanced over the seats the teacher set; once the run
 * is live, the seat is dealt its cases at once.
 */
export async function joinRun(raw: unknown, clientAddress: string): Promise<JoinResult> {
  const parsed = joinSchema.safeParse(raw);
  if (!parsed.success) return invalidForm(parsed.error);
  const { code, name, requestId } = parsed.data;
  const result = await limitJoinAttempts(clientAddress, async (): Promise<JoinResult & { failed?: boolean }> => {
    const run = await runForCode(code);
    if (!run) return unknownCode();
    if (run.status === "debrief") return ended();
    try {
      return await takeSeat(run.id, name, requestId);
    } catch (error) {
      if (error instanceof ReplayedRequest) return replayed();
      if (error instanceof RunBusy) return fail("busy", error.message);
      throw error;
    }
  });
  if (isCrowded(result)) return fail("rateLimited", TOO_MANY_JOINING_AT_ONCE);
  return result;
}

/** The key the seat being created goes by in dealSeats (existing seats go by their ids). */
const NEW_SEAT = "new seat";

/** The seats' holdings as dealSeats reads them, from the run's SeatCase rows. */
function desksOf(rows: readonly { caseIndex: number; seatId: string; role: string }[]): Desk[] {
  const desks = new Map<string, { key: string; role: SeatRole; cases: number[] }>();
  for (const row of rows) {
    const role: SeatRole = row.role === "procurator" ? "procurator" : "petitioner";
    const key = `${row.seatId}|${role}`;
    let desk = desks.get(key);
    if (!desk) desks.set(key, (desk = { key: row.seatId, role, cases: [] }));
    desk.cases.push(row.caseIndex);
  }
  return [...desks.values()];
}

function ended() {
  return fail(
    "notLive",
    "This class's run has ended, so no new seats can join. If you had a seat, rejoin it with your rejoin code.",
  );
}

function replayed() {
  return fail("replayed", "This join form was already used. If that was you, open your seat with your rejoin code.");
}

async function takeSeat(runId: string, name: string, requestId: string): Promise<JoinResult> {
  return runStore.withRun(runId, async (s) => {
    // The run may have ended (or reached its last day) since the code was looked up.
    if (s.run.status === "debrief" || s.run.status === "archived") return ended();
    if (await db.seat.findFirst({ where: { runId, joinRequestId: requestId }, select: { id: true } })) {
      return replayed();
    }
    if (s.run.joinLocked) {
      return fail(
        "conflict",
        "Your teacher has closed this class to new seats. If you had a seat, rejoin it with your rejoin code; otherwise ask your teacher to open joining.",
      );
    }
    const everyone = (
      await db.seat.findMany({
        where: { runId },
        select: { role: true, number: true, displayName: true, removedAt: true },
      })
    ).map((seat) => withSeatRole(seat, runId));
    // A removed seat keeps its number (the log names it) but frees its place and its name.
    const seats = everyone.filter((seat) => !seat.removedAt);
    // Two students typing the same name would look identical on the projector and in the exports:
    // the second becomes "Alex 2", and their seat tells them so.
    const displayName = freeName(
      name,
      seats.map((seat) => seat.displayName),
    );
    const filled = { procurator: 0, petitioner: 0 };
    for (const seat of seats) filled[seat.role]++;
    const capacity = { procurator: s.run.procuratorSeats, petitioner: s.run.petitionerSeats };
    const open = (["petitioner", "procurator"] as const).filter((r) => filled[r] < capacity[r]);
    if (open.length === 0) {
      return fail("conflict", `This class is full: all ${seats.length} seats are taken. Tell your teacher.`);
    }
    // Fill each role in proportion to the seats the teacher set.
    const role = open.reduce((a, b) => (filled[b] / capacity[b] < filled[a] / capacity[a] ? b : a));
    const number = everyone.reduce((max, seat) => Math.max(max, seat.number), 0) + 1;
    const rejoinCode = generateRejoinCode();
    const { token, hash } = newSeatToken();
    const live = s.run.status === "running" || s.run.status === "paused";
    let dealt: Dealt[] = [];
    let petitioned = new Set<number>();
    if (live && s.engine.kind === "camp") {
      // A prisoner seat is dealt one prisoner of the camp; a clerk shares the camp's queue.
      const held = await db.seatCase.findMany({ where: { runId }, select: { caseIndex: true } });
      const seated = new Set(held.map((h) => h.caseIndex));
      dealt = dealPrisoners(s.engine.camp, s.run.seed, seated, [{ id: NEW_SEAT, role }]).map((d) => ({
        key: d.seatId,
        caseIndex: d.caseIndex,
        role: "petitioner" as const,
      }));
    } else if (live) {
      const held = await db.seatCase.findMany({
        where: { runId },
        select: { caseIndex: true, seatId: true, role: true },
      });
      dealt = dealSeats(s.world, s.run.seed, desksOf(held), [{ key: NEW_SEAT, role }], s.run.deskFiles);
      petitioned = new Set(held.filter((h) => h.role === "petitioner").map((h) => h.caseIndex));
    }
    const actor = `seat:${number}`;
    const entries: NewLogEntry[] = [{ type: "seat.join", actor, payload: { number, role } }];
    if (dealt.length > 0) {
      entries.push({
        type: "seats.deal",
        actor: "system",
        payload: { cases: dealt.map((d): [number, SeatRole] => [d.caseIndex, d.role]) },
      });
      const backlog = s.engine.kind === "review" ? backlogOf(s.world, dealt, petitioned) : [];
      if (backlog.length > 0) entries.push({ type: "district.backlog", actor: "system", payload: { cases: backlog } });
    }
    let seatId = "";
    await s.commit({
      entries,
      also: async (tx) => {
        const seat = await tx.seat.create({
          data: {
            runId,
            number,
            role,
            displayName,
            rejoinCode,
            holderHash: hash,
            joinRequestId: requestId,
            heldSince: new Date(runStore.nowMs()),
            lastSeenAt: new Date(runStore.nowMs()),
          },
          select: { id: true },
        });
        seatId = seat.id;
        if (dealt.length > 0) {
          // A classmate petitioner's case also goes onto an existing procurator's desk.
          await tx.seatCase.createMany({
            data: dealt.map((d) => ({
              runId,
              caseIndex: d.caseIndex,
              seatId: d.key === NEW_SEAT ? seat.id : d.key,
              role: d.role,
            })),
          });
        }
      },
    });
    return {
      ok: true,
      runId,
      seatId,
      token,
      number,
      role,
      rejoinCode: formatRejoinCode(rejoinCode),
      displayName,
      nameTaken: displayName !== name,
    };
  });
}
