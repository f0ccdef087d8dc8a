import type { CaseEvent } from "@/machines/case-setup";
import { GOES_ASTRAY, REACHES_COMMISSION } from "@/lib/runs/seat-view/inbox";
import { activityName, NOTED_LETTER, type LogRow } from "./exports";

/** The inbox's rule of where a letter's route ends, in the exported log's words (these events carry no fields). */
const named = (types: ReadonlySet<CaseEvent["type"]>) =>
  new Set([...types].map((type) => activityName({ type } as CaseEvent)));
const REACHED = named(REACHES_COMMISSION);
const ASTRAY = named(GOES_ASTRAY);

export type DistrictFigures = {
  /** decisions on the district's cases made by student seats, as a share of all decisions on them (null: none yet) */
  studentDecisionShare: number | null;
  /** students' letters that reached the commission */
  lettersReachedCommission: number;
  /** …and of those, the ones whose case sat on a student procurator's desk */
  lettersToStudentDesks: number;
};

/**
 * How much of the district's work the class did, from a run's event log (the
 * export's rows, in order): `district` names the cases on student
 * procurators' desks (case labels), `students` the display names the seats
 * act under. Used by the load test to check that the class is the commission.
 */
export function districtFigures(
  rows: readonly LogRow[],
  district: ReadonlySet<string>,
  students: ReadonlySet<string>,
): DistrictFigures {
  const byCase = new Map<string, LogRow[]>();
  for (const row of rows) byCase.set(row.case_id, [...(byCase.get(row.case_id) ?? []), row]);
  let decisions = 0;
  let byStudents = 0;
  let reached = 0;
  let toDesks = 0;
  for (const [caseId, events] of byCase) {
    events.forEach((row, k) => {
      if (district.has(caseId) && row.activity.startsWith("Decision: ")) {
        decisions++;
        if (students.has(row.resource)) byStudents++;
      }
      // A letter the machine only noted has no route of its own: the next fate belongs to another letter.
      if (row.activity.startsWith("Complaint sent to ") && row.detail !== NOTED_LETTER && students.has(row.resource)) {
        const fate = events.slice(k + 1).find((e) => REACHED.has(e.activity) || ASTRAY.has(e.activity));
        if (fate && REACHED.has(fate.activity)) {
          reached++;
          if (district.has(caseId)) toDesks++;
        }
      }
    });
  }
  return {
    studentDecisionShare: decisions === 0 ? null : byStudents / decisions,
    lettersReachedCommission: reached,
    lettersToStudentDesks: toDesks,
  };
}
