import "server-only";
import { randomInt, randomUUID } from "node:crypto";
import { z } from "zod";
import { fail, type Result } from "@/lib/failure";
import { invalidInput } from "@/lib/form-errors";
import { findScenario } from "@/lib/sim/scenarios";
import { applyControl } from "./control-run";
import { insertRun } from "./create-run";
import { joinRun } from "@/lib/runs/seats/join-run";
import { MAX_RUN_CASES } from "@/lib/runs/policy";
import { createRunSchema, SEED_MAX } from "@/lib/runs/validation";

/** Simulated days per real minute a self-guided run starts at: Chita's seventeen months in about 17 minutes. */
export const SOLO_SPEED = 30;

export const soloSchema = z
  .object({
    scenarioId: createRunSchema.shape.scenarioId,
    role: z.enum(["petitioner", "procurator"], { error: "Choose to play a petitioner or a procurator." }),
    seed: createRunSchema.shape.seed,
  })
  .strict();

export type SoloResult = Result<{ runId: string; seatId: string; token: string }>;

const CHECK_FIELDS = "Check the highlighted fields.";

/**
 * A self-guided run: no account, one seat in the chosen role,
 * bots everywhere else, the clock running fast from the start. The run has
 * no owner; its seat steers the clock (controlSoloRun).
 */
export async function startSoloRun(raw: unknown, clientAddress: string): Promise<SoloResult> {
  const parsed = soloSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: invalidInput(parsed.error, CHECK_FIELDS) };
  const { scenarioId, role, seed } = parsed.data;
  const scenario = findScenario(scenarioId);
  if (!scenario) return fail("invalid", CHECK_FIELDS, { scenarioId: "Choose one of the scenarios." });
  if (scenario.caseload.cases > MAX_RUN_CASES) {
    const message = `"${scenario.title}" is too large to play; try it in the what-if lab.`;
    return fail("invalid", message, { scenarioId: message });
  }
  const run = await insertRun({
    ownerId: null,
    title: "Exploring alone",
    scenarioId: scenario.id,
    seed: seed ?? randomInt(1, SEED_MAX),
    procuratorSeats: role === "procurator" ? 1 : 0,
    petitionerSeats: role === "petitioner" ? 1 : 0,
    speed: SOLO_SPEED,
    horizonDays: scenario.horizonDays,
  });
  const seat = await joinRun({ code: run.joinCode, name: "You", requestId: randomUUID() }, clientAddress);
  if (!seat.ok) return { ok: false, error: seat.error };
  const started = await applyControl(run.runId, { action: "start" });
  if (!started.ok) return { ok: false, error: started.error };
  return { ok: true, runId: run.runId, seatId: seat.seatId, token: seat.token };
}
