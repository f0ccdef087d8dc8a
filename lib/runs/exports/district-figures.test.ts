import { expect, test } from "vitest";
import type { LogRow } from "./exports";
import { districtFigures } from "./district-figures";

const row = (case_id: string, activity: string, resource: string): LogRow => ({
  case_id,
  activity,
  timestamp: "1954-06-01T00:00:00.000Z",
  resource,
  role: "x",
  outcome: "Not decided",
  detail: "",
});

test("counts the class's share of the district's decisions and where students' letters went", () => {
  const rows = [
    row("Case 0001", "Complaint sent to the provincial procuracy", "Olga"),
    row("Case 0001", "Complaint registered", "procuracy office (computer)"),
    row("Case 0001", "Decision: Full rehabilitation", "Ivan"),
    row("Case 0002", "Complaint sent to the KGB", "Vera"),
    row("Case 0002", "Complaint forwarded to the accused", "procuracy office (computer)"),
    row("Case 0002", "Complaint sent to the camp procurator", "Vera"),
    row("Case 0002", "Camp list arrives", "camp administration (computer)"),
    row("Case 0003", "Complaint sent to the KGB", "Petitioner (computer)"),
    row("Case 0003", "Complaint registered", "procuracy office (computer)"),
    row("Case 0003", "Decision: The earlier refusal confirmed", "procurator (computer)"),
    row("Case 0004", "Complaint sent to the KGB", "Sam"),
    row("Case 0004", "Complaint registered", "procuracy office (computer)"),
  ];
  const students = new Set(["Olga", "Ivan", "Vera", "Sam"]);
  expect(districtFigures(rows, new Set(["Case 0001", "Case 0002"]), students)).toEqual({
    studentDecisionShare: 1,
    lettersReachedCommission: 3,
    lettersToStudentDesks: 2,
  });
  // Had the computer decided a district case, the share would say so.
  expect(districtFigures(rows, new Set(["Case 0001", "Case 0003"]), students).studentDecisionShare).toBe(0.5);
  expect(districtFigures([], new Set(), students).studentDecisionShare).toBeNull();
});
