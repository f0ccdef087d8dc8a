import "server-only";
import { randomUUID } from "node:crypto";
import type { SessionUser } from "@/lib/authz";
import { db } from "@/lib/db";
import { fail, type FieldErrors, type Result } from "@/lib/failure";
import { scenarioSchema, type Scenario } from "@/lib/sim/scenario-schema";
import { findScenario, SCENARIOS } from "@/lib/sim/scenarios";
import { MAX_RUN_CASES } from "@/lib/runs/policy";
import { cleanFreeText, cleanName, hasUnstorableCharacters, unstorableName } from "@/lib/text";
import { issuesText, StoredDataError } from "./stored-rows";
import { findCampScenario } from "@/lib/runs/camp/camp-scenario";

/** The fields a teacher edits, by their path in the scenario. */
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
  const next = structuredClone(base);
  next.id = `custom-${id}`;
  const fieldErrors: FieldErrors = {};
  for (const f of CUSTOM_FIELDS) {
    const text = typeof raw[f.key] === "string" ? (raw[f.key] as string) : "";
    if (f.kind === "number") {
      const value = text.trim();
      const n = value === "" ? NaN : Number(value);
      if (!Number.isFinite(n)) fieldErrors[f.key] = "Enter a number.";
      else write(next, f.key, n);
      continue;
    }
    // The title is a name, shown wherever the scenario is chosen; the summary is free text (lib/text.ts).
    if (f.key === "title" && hasUnstorableCharacters(text)) {
      fieldErrors[f.key] = unstorableName("title");
      continue;
    }
    const value = f.key === "title" ? cleanName(text) : cleanFreeText(text);
    if (value === "") fieldErrors[f.key] = `Write the ${f.key === "title" ? "title" : "summary"}.`;
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

/**
 * A scenario stored as JSON (a teacher's own, or one frozen into a run),
 * parsed with the scenario schema. Throws StoredDataError naming where it is
 * stored (`where`) and what no longer fits: a scenario the schema has moved
 * away from is reported, never played as if it fitted.
 */
export function parseStoredScenario(json: string, where: string): Scenario {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new StoredDataError(`The scenario stored for ${where} is not JSON.`);
  }
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) {
    throw new StoredDataError(
      `The scenario stored for ${where} no longer fits this version of Spravka: ${issuesText(parsed.error)}.`,
    );
  }
  return parsed.data;
}

const customWhere = (row: { id: string; title: string }) => `your scenario "${row.title}" (${row.id})`;

/** One of a teacher's own scenarios in their list: its scenario, or why it can no longer be used. */
export type CustomScenarioItem = { id: string; title: string; baseId: string; updatedAt: Date } & (
  { scenario: Scenario; problem: null } | { scenario: null; problem: string }
);

/**
 * A teacher's own scenarios, newest first. One that no longer fits the
 * schema is listed with its problem (not dropped, and not failing the list).
 */
export async function listCustomScenarios(user: SessionUser): Promise<CustomScenarioItem[]> {
  const rows = await db.customScenario.findMany({
    where: { ownerId: user.id },
    orderBy: { updatedAt: "desc" },
    select: { id: true, title: true, baseId: true, scenario: true, updatedAt: true },
  });
  return rows.map(({ scenario: json, ...row }) => {
    try {
      return { ...row, scenario: parseStoredScenario(json, customWhere(row)), problem: null };
    } catch (error) {
      if (error instanceof StoredDataError) return { ...row, scenario: null, problem: error.message };
      throw error;
    }
  });
}

/**
 * One of the teacher's scenarios by its scenario id ("custom-…"), or null
 * (also for someone else's). Throws StoredDataError if it no longer fits.
 */
export async function findCustomScenario(user: SessionUser, scenarioId: string): Promise<Scenario | null> {
  if (!scenarioId.startsWith("custom-")) return null;
  const row = await db.customScenario.findFirst({
    where: { id: scenarioId.slice("custom-".length), ownerId: user.id },
    select: { id: true, title: true, scenario: true },
  });
  return row ? parseStoredScenario(row.scenario, customWhere(row)) : null;
}

/**
 * One of the teacher's scenarios by its row id, with what it was duplicated
 * from, or null. Throws StoredDataError if it no longer fits.
 */
export async function customScenarioById(user: SessionUser, id: string) {
  const row = await db.customScenario.findFirst({
    where: { id, ownerId: user.id },
    select: { id: true, title: true, baseId: true, scenario: true },
  });
  return row ? { id: row.id, baseId: row.baseId, scenario: parseStoredScenario(row.scenario, customWhere(row)) } : null;
}

/**
 * The scenario a run plays: a shipped one by id, or the teacher's own as
 * frozen into the run (undefined: neither, e.g. a shipped scenario this
 * version lacks). Throws StoredDataError if the frozen one no longer fits.
 */
export function scenarioOfRun(run: {
  id?: string;
  scenarioId: string;
  scenarioJson?: string | null;
}): Scenario | undefined {
  const shipped = findScenario(run.scenarioId);
  // A 1945 camp run stores its camp, not a review scenario (lib/runs/camp/camp-scenario.ts).
  if (shipped || !run.scenarioJson || findCampScenario(run.scenarioId)) return shipped;
  return parseStoredScenario(run.scenarioJson, run.id ? `run ${run.id}` : `a run of "${run.scenarioId}"`);
}

/** The title of the scenario a run plays, for lists of runs, which one unreadable scenario must not break. */
export function scenarioTitleOfRun(run: { id: string; scenarioId: string; scenarioJson?: string | null }): string {
  try {
    return scenarioOfRun(run)?.title ?? findCampScenario(run.scenarioId)?.title ?? run.scenarioId;
  } catch (error) {
    if (error instanceof StoredDataError) return `${run.scenarioId} (its stored scenario no longer fits)`;
    throw error;
  }
}

export const SHIPPED_FOR_CLASSES = SCENARIOS.filter((s) => s.caseload.cases <= MAX_RUN_CASES);
