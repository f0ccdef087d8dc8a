import "server-only";
import { randomInt } from "node:crypto";
import { Prisma } from "@/.generated/prisma/client";
import type { SessionUser } from "@/lib/authz";
import { db } from "@/lib/db";
import { findScenario } from "@/lib/sim/scenarios";
import { generateJoinCode } from "@/lib/runs/codes";
import { seatsFit } from "@/lib/runs/deal-cases";
import { MAX_RUN_CASES } from "@/lib/runs/policy";
import { classNeeds, filesPerDesk } from "@/lib/runs/district-plan";
import { fail, type Result } from "@/lib/failure";
import { fieldErrors } from "@/lib/form-errors";
import { createRunSchema, SEED_MAX } from "@/lib/runs/validation";
import { findCustomScenario } from "@/lib/runs/store/custom-scenarios";
import { campScenarioJson, findCampScenario } from "@/lib/runs/camp/camp-scenario";
import { planCamp } from "@/lib/runs/camp/camp-plan";

/** Refusals are all `invalid`, with a message per field. */
export type CreateRunResult = Result<{ runId: string; joinCode: string }>;

const CHECK_FIELDS = "Check the highlighted fields.";

/** Creates a run in the lobby for an instructor (who must already be checked by the caller). */
export async function createRun(user: SessionUser, raw: unknown): Promise<CreateRunResult> {
  const parsed = createRunSchema.safeParse(raw);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    // Name an unknown scenario in the same answer as the other fields.
    const id = (raw as { scenarioId?: unknown } | null)?.scenarioId;
    const known =
      typeof id === "string" && (findScenario(id) ?? findCampScenario(id) ?? (await findCustomScenario(user, id)));
    if (!errors.scenarioId && !known) {
      errors.scenarioId = "Choose one of the scenarios.";
    }
    return fail("invalid", CHECK_FIELDS, errors);
  }
  const input = parsed.data;
  // What every class run takes from the form as it is.
  const fromForm = {
    ownerId: user.id,
    title: input.title,
    seed: input.seed ?? randomInt(1, SEED_MAX),
    procuratorSeats: input.procuratorSeats,
    petitionerSeats: input.petitionerSeats,
    speed: input.speed,
  };
  const camp = findCampScenario(input.scenarioId);
  if (camp) {
    // A 1945 camp (ADR 0024): sized from the clerk seats and the lesson, and frozen into the run at that size.
    const plan = planCamp({ scenario: camp, speed: input.speed, clerks: input.procuratorSeats });
    return insertRun({
      ...fromForm,
      scenarioId: camp.id,
      deskFiles: 0,
      computerHelps: input.computerHelps && input.procuratorSeats > 0,
      // The March 1953 prologue and the 1956 epilogue frame the 1954–55 review, not 1945.
      prologue: false,
      epilogue: false,
      horizonDays: camp.horizonDays,
      scenarioJson: campScenarioJson(camp, plan.prisoners),
    });
  }
  const custom = findScenario(input.scenarioId) ? null : await findCustomScenario(user, input.scenarioId);
  const scenario = findScenario(input.scenarioId) ?? custom;
  if (!scenario) {
    return fail("invalid", CHECK_FIELDS, { scenarioId: "Choose one of the scenarios." });
  }
  if (scenario.caseload.cases > MAX_RUN_CASES) {
    const message = `"${scenario.title}" is too large for a class run; use it in the what-if lab. Choose a provincial scenario.`;
    return fail("invalid", message, { scenarioId: message });
  }
  const seats = { procurators: input.procuratorSeats, petitioners: input.petitionerSeats };
  const deskFiles = filesPerDesk({ scenario, speed: input.speed, ...seats });
  if (!seatsFit(scenario.caseload.cases, seats.procurators, seats.petitioners, deskFiles)) {
    const message = `${classNeeds(scenario.caseload.cases, deskFiles)} Use fewer seats or a larger scenario.`;
    return fail("invalid", message, { petitionerSeats: message });
  }
  return insertRun({
    ...fromForm,
    scenarioId: scenario.id,
    deskFiles,
    // Without procurator seats the computer is the whole commission: there is nothing to help.
    computerHelps: input.computerHelps && input.procuratorSeats > 0,
    prologue: input.prologue,
    epilogue: input.epilogue,
    horizonDays: scenario.horizonDays,
    // A teacher's own scenario is frozen into the run: later edits never change a run under way.
    scenarioJson: custom ? JSON.stringify(custom) : null,
  });
}

/** Stores a new run in the lobby under a fresh join code (drawing again if one is taken). */
export async function insertRun(
  data: Omit<Prisma.RunUncheckedCreateInput, "joinCode">,
): Promise<{ ok: true; runId: string; joinCode: string }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const joinCode = generateJoinCode();
    try {
      const run = await db.run.create({ data: { ...data, joinCode }, select: { id: true } });
      return { ok: true, runId: run.id, joinCode };
    } catch (error) {
      // A join code already in use by another live run: draw another.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") continue;
      throw error;
    }
  }
  throw new Error("Could not find a free join code.");
}
