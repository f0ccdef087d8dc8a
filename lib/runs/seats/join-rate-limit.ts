import "server-only";
import { AttemptLanes, type Crowded } from "@/lib/attempt-lanes";
import { db } from "@/lib/db";
import {
  JOIN_ATTEMPTS_WAITING_PER_ADDRESS,
  JOIN_SLOWDOWN_MS,
  JOIN_WINDOW_MS,
  WRONG_CODES_EVERYWHERE,
  WRONG_CODES_PER_ADDRESS,
  WRONG_REJOIN_CODES_PER_RUN,
} from "@/lib/runs/policy";

const KEEP_MS = 24 * 60 * 60 * 1000;

/** Only when a flood of attempts is already queued from one address: a pause, not a lockout. */
export const TOO_MANY_JOINING_AT_ONCE =
  "Too many join attempts are waiting from this network right now. Wait a few seconds, then try again.";
/** Seconds a crowded address is told to wait (Retry-After): the queue drains in moments. */
export const CROWDED_RETRY_SECONDS = 5;

/** One lane per client address (lib/attempt-lanes.ts). */
export const joinLanes = new AttemptLanes(JOIN_ATTEMPTS_WAITING_PER_ADDRESS);

/** What a join or rejoin attempt reports: `failed` for a wrong code, with the run whose rejoin code was wrong. */
export type JoinAttemptOutcome = { failed?: boolean; runId?: string };

/**
 * Runs one join or rejoin attempt in its address's lane. A wrong code is
 * recorded; once the address, the run being guessed, or the whole server is
 * past its budget of wrong codes (lib/runs/policy.ts), the wrong answer holds
 * the lane for JOIN_SLOWDOWN_MS. A right code is never refused for the wrong
 * ones before it (ADR 0019): the only refusal is a lane already crowded with
 * waiting attempts, answered `{ crowded: true }` without running.
 */
export async function limitJoinAttempts<T extends JoinAttemptOutcome>(
  clientAddress: string,
  attempt: () => Promise<T>,
  now: () => Date = () => new Date(),
): Promise<T | Crowded> {
  return joinLanes.run(clientAddress, async () => {
    const result = await attempt();
    if (!result.failed) return { result, holdMs: 0 };
    const at = now();
    await db.$transaction([
      db.joinAttempt.create({
        data: { key: clientAddress, runId: result.runId ?? null, succeeded: false, createdAt: at },
      }),
      db.joinAttempt.deleteMany({ where: { createdAt: { lt: new Date(at.getTime() - KEEP_MS) } } }),
    ]);
    return { result, holdMs: (await pastBudget(clientAddress, result.runId, at)) ? JOIN_SLOWDOWN_MS : 0 };
  });
}

/** Whether wrong codes in the window are past any budget: this address's, the guessed run's, or everyone's. */
async function pastBudget(clientAddress: string, runId: string | undefined, at: Date): Promise<boolean> {
  const recent = { succeeded: false, createdAt: { gt: new Date(at.getTime() - JOIN_WINDOW_MS) } };
  const [fromAddress, againstRun, byAddress] = await Promise.all([
    db.joinAttempt.count({ where: { ...recent, key: clientAddress } }),
    runId ? db.joinAttempt.count({ where: { ...recent, runId } }) : Promise.resolve(0),
    db.joinAttempt.groupBy({ by: ["key"], where: recent, _count: { _all: true } }),
  ]);
  // Each address counts only up to its own budget, so one client cannot slow everybody else's typos.
  const everywhere = byAddress.reduce((sum, row) => sum + Math.min(row._count._all, WRONG_CODES_PER_ADDRESS), 0);
  return (
    fromAddress > WRONG_CODES_PER_ADDRESS ||
    againstRun > WRONG_REJOIN_CODES_PER_RUN ||
    everywhere > WRONG_CODES_EVERYWHERE
  );
}
