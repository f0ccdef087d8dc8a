import "server-only";
import { db } from "@/lib/db";
import { historicalComparison, type ComparisonRow } from "@/lib/runs/debrief/debrief";
import { personalView, type PersonalView } from "@/lib/runs/debrief/personal";
import type { SeatRole } from "@/lib/runs/deal-cases";
import { isCampRun } from "@/lib/runs/camp/camp-scenario";
import { SHARE_TOKEN_PATTERN } from "@/lib/runs/seats/share-link";
import { seatCaseIndexes } from "@/lib/runs/store/queries";
import { RunNotFound, runStore } from "@/lib/runs/store/store";
import { seatReveal, type Reveal } from "./reveal";
import { protocolView, type ProtocolView } from "./views";

/**
 * What a share link shows: the ended run's debrief, read-only. Never the
 * seat's codes, its display name, its letters' text or anything that steers
 * the run; a self-guided run has no other seat whose data could show.
 */
export type SharedDebrief = {
  role: SeatRole;
  scenarioTitle: string;
  rows: ComparisonRow[];
  personal: PersonalView;
  /** a procurator's own decisions, with their grounds */
  protocols: ProtocolView[] | null;
  reveal: Reveal | null;
};

/**
 * The debrief behind a share link, or null for a token that names none (a
 * mistyped or withdrawn link, a run not ended or since deleted): the page
 * answers each of those alike, with a 404.
 */
export async function getSharedDebrief(token: string): Promise<SharedDebrief | null> {
  if (!SHARE_TOKEN_PATTERN.test(token)) return null;
  const seat = await db.seat.findUnique({
    where: { shareToken: token },
    select: {
      id: true,
      runId: true,
      number: true,
      role: true,
      removedAt: true,
      run: { select: { ownerId: true, status: true, scenarioId: true } },
    },
  });
  if (!seat || seat.removedAt || seat.run.ownerId !== null || isCampRun(seat.run)) return null;
  if (seat.run.status !== "debrief" && seat.run.status !== "archived") return null;
  const role: SeatRole = seat.role === "procurator" ? "procurator" : "petitioner";
  const cases = await seatCaseIndexes(seat.id);
  const decided =
    role === "procurator"
      ? await db.runEvent.findMany({
          where: { runId: seat.runId, type: "case.act", actor: `seat:${seat.number}` },
          orderBy: { seq: "asc" },
          select: { id: true, caseIndex: true, simDay: true, payload: true },
        })
      : [];
  try {
    const shown = await runStore.read(seat.runId, (run, world, scenario) => ({
      scenarioTitle: scenario.title,
      rows: historicalComparison(world.result(run.seed), scenario),
      personal: personalView(world, scenario, run, cases),
      protocols: role === "procurator" ? decided.map((e) => protocolView(e, world)).filter((p) => p !== null) : null,
    }));
    const reveal = await seatReveal(seat.runId, { number: seat.number, role }, cases);
    return { role, ...shown, reveal };
  } catch (error) {
    if (error instanceof RunNotFound) return null;
    throw error;
  }
}
