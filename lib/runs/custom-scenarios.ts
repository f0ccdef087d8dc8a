import "server-only";
import { randomUUID } from "node:crypto";
import type { SessionUser } from "@/lib/authz";
import { db } from "@/lib/db";
import { fail, type FieldErrors, type Result } from "@/lib/failure";
import { scenarioSchema, type Scenario } from "@/lib/sim/scenario-schema";
import { findScenario, SCENARIOS } from "@/lib/sim/scenarios";
import { MAX_RUN_CASES } from "./policy";

/** The fields a teacher edits, by their path in the scenario (issue #8). */
export const CUSTOM_FIELDS = [
  { key: "title", label: "Title", kind: "text" },
  { key: "summary", label: "What happens in it (one or two sentences)", kind: "textarea" },
  { key: "caseload.cases", label: "Cases under review", kind: "number", step: 1 },
  { key: "horizonDays", label: "Length of the run (simulated days)", kind: "number", step: 1 },
  { key: "desks.procurators", label: "Procurators reviewing files", kind: "number", step: 1 },
  { key: "desks.hoursPerDay", label: "Hours a day each procurator gives the review", kind: "number", step: 0.5 },
  { key: "institutions.fileClerks", label: "Clerks assembling files", kind: "number", step: 1 },
  {
    key: "institutions.listsWithheldShare",
    label: "Share of camps that never send their lists (0 to 1)",
    kind: "number",
    step: 0.05,
  },
  {
    key: "policy.bias",
    label: "Pressure against acquittals (× how often refusals are confirmed)",
    kind: "number",
    step: 0.1,
  },
] as const;
export type CustomField = (typeof CUSTOM_FIELDS)[number]["key"];

const TEXT_MAX = { title: 120, summary: 600 };

function read(s: Scenario, path: string): unknown {
  return path.split(".").reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], s);
}

function write(s: Scenario, path: string, value: unknown): void {
  const keys = path.split(".");
  const parent = keys.slice(0, -1).reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], s);
  (parent as Record<string, unknown>)[keys.at(-1)!] = value;
}

/** The form's values for a scenario, as text. */
export function customFormValues(s: Scenario): Record<CustomField, string> {
  return Object.fromEntries(CUSTOM_FIELDS.map((f) => [f.key, String(read(s, f.key))])) as Record<CustomField, string>;
}

/** A schema issue in a teacher's words. */
function friendly(issue: { code: string; maximum?: unknown; minimum?: unknown; inclusive?: boolean }): string {
  if (issue.code === "too_big") return `At most ${String(issue.maximum)}.`;
  if (issue.code === "too_small")
    return issue.inclusive ? `At least ${String(issue.minimum)}.` : `More than ${String(issue.minimum)}.`;
  return "That value is not allowed here.";
}

/** Refusals: `invalid` (with a message per field), `notFound` (not one of the teacher's scenarios). */
export type SaveResult = Result<{ id: string }>;

/**
 * Validates a teacher's edits of a shipped scenario and saves them to their
 * account: every field is checked (numbers, ranges, the full scenario schema),
 * errors are named by field, and nothing is saved unless all pass.
 */
export async function saveCustomScenario(user: SessionUser, raw: Record<string, unknown>): Promise<SaveResult> {
  const baseId = typeof raw.baseId === "string" ? raw.baseId : "";
  const editing = typeof raw.id === "string" && raw.id !== "" ? raw.id : null;
  const base = findScenario(baseId);
  if (!base || base.caseload.cases > MAX_RUN_CASES) {
    return fail("invalid", "Choose a scenario to start from.", { baseId: "Choose a scenario to start from." });
  }
  if (editing && (await db.customScenario.count({ where: { id: editing, ownerId: user.id } })) === 0) {
    return fail("notFound", "There is no such scenario among yours.");
  }
  const id = editing ?? randomUUID();
  const next = structuredClone(base) as Scenario;
  next.id = `custom-${id}`;
  const fieldErrors: FieldErrors = {};
  for (const f of CUSTOM_FIELDS) {
    const value = typeof raw[f.key] === "string" ? (raw[f.key] as string).trim() : "";
    if (f.kind === "number") {
      const n = value === "" ? NaN : Number(value);
      if (!Number.isFinite(n)) fieldErrors[f.key] = "Enter a number.";
      else write(next, f.key, n);
    } else if (value === "") fieldErrors[f.key] = `Write the ${f.key === "title" ? "title" : "summary"}.`;
    else if (value.length > TEXT_MAX[f.key]) fieldErrors[f.key] = `At most ${TEXT_MAX[f.key]} characters.`;
    else write(next, f.key, value);
  }
  if (!fieldErrors["caseload.cases"] && next.caseload.cases > MAX_RUN_CASES) {
    fieldErrors["caseload.cases"] =
      `At most ${MAX_RUN_CASES.toLocaleString("en")} cases for a class; larger runs belong in the what-if lab.`;
  }
  if (Object.keys(fieldErrors).length === 0) {
    const parsed = scenarioSchema.safeParse(next);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => {
        const path = issue.path.join(".");
        return { field: CUSTOM_FIELDS.find((f) => path === f.key || path.startsWith(`${f.key}.`)), issue };
      });
      for (const { field, issue } of issues) if (field) fieldErrors[field.key] ??= friendly(issue);
      // Anything else (the scenario's own events re-checked against a bad field) follows from those.
      if (Object.keys(fieldErrors).length === 0 && issues.length > 0) fieldErrors.form = issues[0]!.issue.message;
    }
    for (const [key, n] of [
      ["caseload.cases", next.caseload.cases],
      ["horizonDays", next.horizonDays],
      ["desks.procurators", next.desks.procurators],
      ["institutions.fileClerks", next.institutions.fileClerks],
    ] as const) {
      if (!fieldErrors[key] && (!Number.isInteger(n) || n < 1)) fieldErrors[key] = "A whole number, at least 1.";
    }
    if (!fieldErrors["desks.hoursPerDay"] && !(next.desks.hoursPerDay > 0 && next.desks.hoursPerDay <= 16)) {
      fieldErrors["desks.hoursPerDay"] = "Between 0.5 and 16 hours.";
    }
  }
  if (Object.keys(fieldErrors).length > 0) {
    return fail("invalid", "Check the highlighted fields: nothing was saved.", fieldErrors);
  }
  const data = { ownerId: user.id, baseId: base.id, title: next.title, scenario: JSON.stringify(next) };
  if (editing) await db.customScenario.update({ where: { id: editing }, data });
  else await db.customScenario.create({ data: { id, ...data } });
  return { ok: true, id };
}

/** A teacher's own scenarios, newest first. */
export async function listCustomScenarios(user: SessionUser) {
  const rows = await db.customScenario.findMany({
    where: { ownerId: user.id },
    orderBy: { updatedAt: "desc" },
    select: { id: true, title: true, baseId: true, scenario: true, updatedAt: true },
  });
  return rows.map((r) => ({ ...r, scenario: JSON.parse(r.scenario) as Scenario }));
}

/** One of the teacher's scenarios by its scenario id ("custom-…"), or null (also for someone else's). */
export async function findCustomScenario(user: SessionUser, scenarioId: string): Promise<Scenario | null> {
  if (!scenarioId.startsWith("custom-")) return null;
  const row = await db.customScenario.findFirst({
    where: { id: scenarioId.slice("custom-".length), ownerId: user.id },
    select: { scenario: true },
  });
  return row ? (JSON.parse(row.scenario) as Scenario) : null;
}

/** One of the teacher's scenarios by its row id, with what it was duplicated from, or null. */
export async function customScenarioById(user: SessionUser, id: string) {
  const row = await db.customScenario.findFirst({
    where: { id, ownerId: user.id },
    select: { id: true, baseId: true, scenario: true },
  });
  return row ? { id: row.id, baseId: row.baseId, scenario: JSON.parse(row.scenario) as Scenario } : null;
}

/** The scenario a run plays: a shipped one by id, or the teacher's own as frozen into the run. */
export function scenarioOfRun(run: { scenarioId: string; scenarioJson?: string | null }): Scenario | undefined {
  return findScenario(run.scenarioId) ?? (run.scenarioJson ? (JSON.parse(run.scenarioJson) as Scenario) : undefined);
}

export const SHIPPED_FOR_CLASSES = SCENARIOS.filter((s) => s.caseload.cases <= MAX_RUN_CASES);
