import "server-only";
import { createHash, randomInt, randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { fail, type Result } from "@/lib/failure";
import { invalidInput } from "@/lib/form-errors";
import { findScenario } from "@/lib/sim/scenarios";
import { applyControl } from "./control-run";
import { insertRun } from "./create-run";
import { joinRun } from "@/lib/runs/seats/join-run";
import { KeyedQueue } from "@/lib/keyed-queue";
import {
  FIRST_SOLO_PACE,
  MAX_RUN_CASES,
  MAX_SOLO_STARTS_EVERYWHERE,
  MAX_SOLO_STARTS_PER_ADDRESS,
  SOLO_PACES,
  SOLO_WINDOW_MS,
} from "@/lib/runs/policy";
import { makeRoomForSoloRun } from "@/lib/runs/store/retention";
import { campScenarioJson, findCampScenario } from "@/lib/runs/camp/camp-scenario";
import { planCamp } from "@/lib/runs/camp/camp-plan";
import { createRunSchema, SEED_MAX } from "@/lib/runs/validation";

const CHOOSE_A_PACE = "Choose one of the paces.";

export const soloSchema = z
  .object({
    scenarioId: createRunSchema.shape.scenarioId,
    role: z.enum(["petitioner", "procurator"], { error: "Choose to play a petitioner or a procurator." }),
    seed: createRunSchema.shape.seed,
    /** simulated days per real minute, one of SOLO_PACES; a first run's pace when left out */
    speed: z.preprocess(
      (v) => (v === undefined || v === null || v === "" ? FIRST_SOLO_PACE : typeof v === "string" ? Number(v) : v),
      z
        .number({ error: CHOOSE_A_PACE })
        .refine((v) => SOLO_PACES.some((p) => p.daysPerMinute === v), { error: CHOOSE_A_PACE }),
    ),
  })
  .strict();

export type SoloResult = Result<{ runId: string; seatId: string; token: string }>;

const CHECK_FIELDS = "Check the highlighted fields.";

const WINDOW_MINUTES = SOLO_WINDOW_MS / 60_000;

export const TOO_MANY_SOLO_STARTS = `Too many runs were started from this address in the last ${WINDOW_MINUTES} minutes. Wait a few minutes, or continue one of the runs you started.`;
export const TOO_MANY_SOLO_STARTS_EVERYWHERE = `So many runs are being started on this server that it is taking a pause. Wait a few minutes and try again.`;
export const NO_ROOM_FOR_SOLO_RUNS = `The server holds as many runs as it can while they are being played. Try again in an hour.`;

/** What bounds starting self-guided runs (the policy's numbers; tests pass smaller ones). */
export type SoloLimits = { perAddress: number; everywhere: number; windowMs: number };
const SOLO_LIMITS: SoloLimits = {
  perAddress: MAX_SOLO_STARTS_PER_ADDRESS,
  everywhere: MAX_SOLO_STARTS_EVERYWHERE,
  windowMs: SOLO_WINDOW_MS,
};

/** Starts from one address, one at a time, so a burst of parallel requests is counted exactly. */
const perAddress = new KeyedQueue();

/**
 * What a self-guided run keeps of the address that started it (Run.startedFrom),
 * for the per-address limit: a hash, since the limit needs to tell starts
 * from one address apart, not to say where anyone was (ADR 0019).
 */
function startedFrom(clientAddress: string): string {
  return createHash("sha256").update(clientAddress).digest("base64url");
}

/**
 * A self-guided run: no account, one seat in the chosen role,
 * bots everywhere else, the clock running fast from the start. The run has
 * no owner; its seat steers the clock (controlSoloRun).
 *
 * Refusals: `invalid` (with field messages), `rateLimited` (too many starts
 * from this address, or from everywhere, in the window; nothing is written),
 * and those of joining and starting a run.
 */
export async function startSoloRun(
  raw: unknown,
  clientAddress: string,
  { now = () => new Date(), limits = SOLO_LIMITS }: { now?: () => Date; limits?: SoloLimits } = {},
): Promise<SoloResult> {
  const parsed = soloSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: invalidInput(parsed.error, CHECK_FIELDS) };
  const { scenarioId, role, seed, speed } = parsed.data;
  // A 1945 camp alone: a records clerk with the camp's queue, or a prisoner waiting (ADR 0024).
  const camp = findCampScenario(scenarioId);
  const review = findScenario(scenarioId);
  const scenario = review ?? camp;
  if (!scenario) return fail("invalid", CHECK_FIELDS, { scenarioId: "Choose one of the scenarios." });
  if (review && review.caseload.cases > MAX_RUN_CASES) {
    const message = `"${scenario.title}" is too large to play; try it in the what-if lab.`;
    return fail("invalid", message, { scenarioId: message });
  }
  const key = startedFrom(clientAddress);
  return perAddress.run(key, async (): Promise<SoloResult> => {
    const at = now();
    const since = new Date(at.getTime() - limits.windowMs);
    // Counted from the database, so the limits hold across instances (ADR 0013); within one instance the
    // queue above makes them exact for one address, while the server-wide ceiling may overshoot by the
    // starts in flight at once, which is what a ceiling can afford.
    const [fromHere, everywhere] = await Promise.all([
      db.run.count({ where: { ownerId: null, startedFrom: key, createdAt: { gt: since } } }),
      db.run.count({ where: { ownerId: null, createdAt: { gt: since } } }),
    ]);
    if (fromHere >= limits.perAddress) return fail("rateLimited", TOO_MANY_SOLO_STARTS);
    if (everywhere >= limits.everywhere) return fail("rateLimited", TOO_MANY_SOLO_STARTS_EVERYWHERE);
    if (!(await makeRoomForSoloRun(at.getTime()))) return fail("rateLimited", NO_ROOM_FOR_SOLO_RUNS);
    const run = await insertRun({
      ownerId: null,
      title: "Exploring alone",
      scenarioId: scenario.id,
      seed: seed ?? randomInt(1, SEED_MAX),
      procuratorSeats: role === "procurator" ? 1 : 0,
      petitionerSeats: role === "petitioner" ? 1 : 0,
      speed,
      horizonDays: scenario.horizonDays,
      ...(camp
        ? {
            deskFiles: 0,
            scenarioJson: campScenarioJson(
              camp,
              planCamp({ scenario: camp, speed, clerks: role === "procurator" ? 1 : 0 }).prisoners,
            ),
          }
        : {}),
      // On the same clock as the window above, so the count and the row agree.
      createdAt: at,
      startedFrom: key,
    });
    const seat = await joinRun({ code: run.joinCode, name: "You", requestId: randomUUID() }, clientAddress);
    if (!seat.ok) return { ok: false, error: seat.error };
    const started = await applyControl(run.runId, { action: "start" });
    if (!started.ok) return { ok: false, error: started.error };
    return { ok: true, runId: run.runId, seatId: seat.seatId, token: seat.token };
  });
}
