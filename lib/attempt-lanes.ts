import { KeyedQueue } from "@/lib/keyed-queue";

/**
 * Guessing a secret (a class code, a rejoin code, a password) is slowed
 * down rather than locked out (ADR 0019).
 *
 * A lockout answers a wrong guess and the right one alike, so it punishes
 * whoever shares the guesser's address or account: a class behind one school
 * address, or the teacher whose email someone else is trying. A slowdown
 * keeps the right answer working and makes guessing expensive instead:
 * attempts in one lane (one address, or one account from one address) run
 * one at a time, and once the lane is over its budget of wrong answers, each
 * further wrong answer holds the lane for a while. Sending guesses in
 * parallel does not help, since they queue; a right answer is never refused
 * because of wrong ones, it only waits its turn.
 *
 * In-process: with several instances, each keeps its own lanes, while the
 * budgets are counted in the shared database by the callers.
 */
export type LaneOutcome<T> = {
  result: T;
  /** How long to hold the lane after this attempt (a wrong answer over budget); 0 lets the next one go at once. */
  holdMs: number;
};

/** More attempts than this already waiting in one lane: the new one is turned away at once, unrun. */
export type Crowded = { crowded: true };

export class AttemptLanes {
  private readonly queue = new KeyedQueue();
  private readonly waiting = new Map<string, number>();
  private sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  /** `maxWaiting` bounds the memory one flood can take; set it above any honest crowd (a whole class at once). */
  constructor(private readonly maxWaiting: number) {}

  /** Tests replace the wait, to see how long a lane was held without spending the time. */
  useSleep(sleep: (ms: number) => Promise<void>): void {
    this.sleep = sleep;
  }

  async run<T>(lane: string, attempt: () => Promise<LaneOutcome<T>>): Promise<T | Crowded> {
    const queued = this.waiting.get(lane) ?? 0;
    if (queued >= this.maxWaiting) return { crowded: true };
    this.waiting.set(lane, queued + 1);
    try {
      return await this.queue.run(lane, async () => {
        const { result, holdMs } = await attempt();
        if (holdMs > 0) await this.sleep(holdMs);
        return result;
      });
    } finally {
      const left = (this.waiting.get(lane) ?? 1) - 1;
      if (left > 0) this.waiting.set(lane, left);
      else this.waiting.delete(lane);
    }
  }
}

export function isCrowded(value: unknown): value is Crowded {
  return typeof value === "object" && value !== null && "crowded" in value;
}
