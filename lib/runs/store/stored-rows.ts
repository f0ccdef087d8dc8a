import { z } from "zod";
import { RUN_STATUSES, type RunStatus } from "@/lib/runs/run-status";
import { SEAT_ROLES, type SeatRole } from "@/lib/runs/deal-cases";

/**
 * Something read back from the database that does not fit what this version
 * of Spravka writes (an unknown role, a log entry of another shape, a
 * scenario the schema no longer accepts). It names the row and what does not
 * fit, so it can be found and repaired or migrated; nothing is guessed or
 * skipped.
 */
export class StoredDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoredDataError";
  }
}

/** zod's issues in one line: "payload.hours: Invalid input: expected number, received string". */
export function issuesText(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

export const seatRoleSchema = z.enum(SEAT_ROLES);
export const runStatusSchema = z.enum(RUN_STATUSES);

/** A seat row's role as a SeatRole; `seat` names the row in the error ("seat 3 of run …"). */
export function parseSeatRole(role: string, seat: string): SeatRole {
  const parsed = seatRoleSchema.safeParse(role);
  if (!parsed.success) {
    throw new StoredDataError(
      `The ${seat} is stored with role "${role}", which this version of Spravka does not know (it knows ${SEAT_ROLES.join(", ")}).`,
    );
  }
  return parsed.data;
}

/** A run row's status as a RunStatus; `run` names the row in the error. */
export function parseRunStatus(status: string, run: string): RunStatus {
  const parsed = runStatusSchema.safeParse(status);
  if (!parsed.success) {
    throw new StoredDataError(
      `The ${run} is stored with status "${status}", which this version of Spravka does not know (it knows ${RUN_STATUSES.join(", ")}).`,
    );
  }
  return parsed.data;
}

/** A seat row (or any selection of it) with its role parsed. */
export function withSeatRole<T extends { role: string; number?: number; id?: string }>(
  row: T,
  runId: string,
): Omit<T, "role"> & { role: SeatRole } {
  const name =
    row.number !== undefined ? `seat ${row.number} of run ${runId}` : `seat ${row.id ?? "?"} of run ${runId}`;
  return { ...row, role: parseSeatRole(row.role, name) };
}

/** A run row (or any selection of it) with its status parsed. */
export function withRunStatus<T extends { status: string; id?: string }>(
  row: T,
): Omit<T, "status"> & { status: RunStatus } {
  return { ...row, status: parseRunStatus(row.status, row.id ? `run ${row.id}` : "run") };
}
