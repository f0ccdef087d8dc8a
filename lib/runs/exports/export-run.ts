import "server-only";
import { z } from "zod";
import type { SessionUser } from "@/lib/authz";
import { fail, type Result } from "@/lib/failure";
import { scenarioOfRun } from "@/lib/runs/store/custom-scenarios";
import { logRows, toCsv, toXes } from "./exports";
import { getRunForOwner } from "@/lib/runs/store/queries";
import { loadRunHistory } from "@/lib/runs/history/run-history";
import { RUN_NOT_FOUND } from "@/lib/runs/console/control-run";

export const exportSchema = z
  .object({
    format: z.enum(["csv", "xes"], { error: "Choose CSV or XES." }),
    /** "seats": seat labels instead of display names */
    names: z.enum(["names", "seats"]).default("names"),
  })
  .strict();

export type ExportResult = Result<{ filename: string; contentType: string; body: string }>;

/** The run's event log as CSV or XES, for its owner only (anyone else: the same 404 as a missing run). */
export async function exportRun(user: SessionUser, runId: string, query: unknown): Promise<ExportResult> {
  const parsed = exportSchema.safeParse(query);
  if (!parsed.success) return fail("invalid", parsed.error.issues[0]!.message);
  const run = await getRunForOwner(user, runId);
  if (!run) return fail("notFound", RUN_NOT_FOUND);
  const scenario = scenarioOfRun(run)!;
  const history = await loadRunHistory(runId);
  const rows = logRows(history, scenario.startDate, run.seats, { pseudonymise: parsed.data.names === "seats" });
  const base = `spravka-${
    run.title
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .toLowerCase() || "run"
  }`;
  return parsed.data.format === "csv"
    ? { ok: true, filename: `${base}.csv`, contentType: "text/csv; charset=utf-8", body: toCsv(rows) }
    : {
        ok: true,
        filename: `${base}.xes`,
        contentType: "application/xml; charset=utf-8",
        body: toXes(rows, run.title),
      };
}
