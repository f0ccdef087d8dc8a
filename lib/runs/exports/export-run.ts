import "server-only";
import { isCampRun } from "@/lib/runs/camp/camp-scenario";
import { z } from "zod";
import type { SessionUser } from "@/lib/authz";
import { fail, type Result } from "@/lib/failure";
import { scenarioOfRun } from "@/lib/runs/store/custom-scenarios";
import { db } from "@/lib/db";
import { completeLogRows, toCsv, toXes, type ExportSource, type SeatName } from "./exports";
import { getRunForOwner } from "@/lib/runs/store/queries";
import { loadRunHistory, readRunLog } from "@/lib/runs/history/run-history";
import { RUN_NOT_FOUND } from "@/lib/runs/console/control-run";

export const exportSchema = z
  .object({
    format: z.enum(["csv", "xes"], { error: "Choose CSV or XES." }),
    /** "seats": seat labels instead of display names */
    names: z.enum(["names", "seats"]).default("names"),
    /** letters' words and decisions' grounds: by default with names, and not with seat labels unless asked for */
    texts: z.enum(["yes", "no"], { error: "Choose whether to include the students' words: yes or no." }).optional(),
  })
  .strict();

/** What a run's complete export is made from: its replay, its log up to the replay, and its letters as written. */
export async function exportSource(
  runId: string,
  startDate: string,
  seats: readonly SeatName[],
): Promise<ExportSource> {
  const history = await loadRunHistory(runId);
  const letters = await db.letter.findMany({
    where: { runId },
    orderBy: { createdAt: "asc" },
    select: { caseIndex: true, body: true, seat: { select: { number: true } } },
  });
  return {
    history,
    log: await readRunLog(runId, { upTo: history.seq }),
    letters: letters.map((l) => ({ seatNumber: l.seat.number, caseIndex: l.caseIndex, body: l.body })),
    startDate,
    seats,
  };
}

export type ExportResult = Result<{ filename: string; contentType: string; body: string }>;

/** The run's event log as CSV or XES, for its owner only (anyone else: the same 404 as a missing run). */
export async function exportRun(user: SessionUser, runId: string, query: unknown): Promise<ExportResult> {
  const parsed = exportSchema.safeParse(query);
  if (!parsed.success) return fail("invalid", parsed.error.issues[0]!.message);
  const run = await getRunForOwner(user, runId);
  if (!run) return fail("notFound", RUN_NOT_FOUND);
  if (isCampRun(run)) {
    return fail("conflict", "The exports hold the 1954–55 review's cases; a 1945 camp run has none to export yet.");
  }
  const scenario = scenarioOfRun(run)!;
  const { names } = parsed.data;
  const texts = (parsed.data.texts ?? (names === "names" ? "yes" : "no")) === "yes";
  const rows = completeLogRows(await exportSource(runId, scenario.startDate, run.seats), {
    pseudonymise: names === "seats",
    texts,
  });
  const base = `spravka-${
    run.title
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .toLowerCase() || "run"
  }`;
  return parsed.data.format === "csv"
    ? { ok: true, filename: `${base}.csv`, contentType: "text/csv; charset=utf-8", body: toCsv(rows, { texts }) }
    : {
        ok: true,
        filename: `${base}.xes`,
        contentType: "application/xml; charset=utf-8",
        body: toXes(rows, run.title),
      };
}
