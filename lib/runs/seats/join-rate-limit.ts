import "server-only";
import { db } from "@/lib/db";
import { KeyedQueue } from "@/lib/keyed-queue";
import { JOIN_WINDOW_MS, MAX_JOIN_FAILURES, MAX_JOIN_FAILURES_EVERYWHERE } from "@/lib/runs/policy";

const KEEP_MS = 24 * 60 * 60 * 1000;

export const TOO_MANY_JOIN_ATTEMPTS = `Too many wrong codes from this device. Wait ${JOIN_WINDOW_MS / 60_000} minutes, then check the code with your teacher.`;

/** Attempts from one address, one at a time. */
const perAddress = new KeyedQueue();

/**
 * Runs one join or rejoin attempt under the rate limit: attempts from one
 * address go one at a time (so a burst of parallel guesses is counted
 * exactly), an address with too many recent failures is refused, and a
 * failure (`failed: true`) is recorded. Only failures count, so a class
 * joining from one school address is never held up.
 */
export async function limitJoinAttempts<T extends { failed?: boolean }>(
  clientAddress: string,
  attempt: () => Promise<T>,
  now: () => Date = () => new Date(),
): Promise<T | { limited: true }> {
  return perAddress.run(clientAddress, async (): Promise<T | { limited: true }> => {
    const at = now();
    const since = new Date(at.getTime() - JOIN_WINDOW_MS);
    const [failures, everywhere] = await Promise.all([
      db.joinAttempt.count({ where: { key: clientAddress, succeeded: false, createdAt: { gt: since } } }),
      db.joinAttempt.count({ where: { succeeded: false, createdAt: { gt: since } } }),
    ]);
    // The address comes from a header a client can forge without a proxy (see client-address.ts), so a
    // server-wide ceiling also stops guessing from ever-new addresses, at the price of pausing joins then.
    if (failures >= MAX_JOIN_FAILURES || everywhere >= MAX_JOIN_FAILURES_EVERYWHERE) return { limited: true };
    const result = await attempt();
    if (result.failed) {
      await db.$transaction([
        db.joinAttempt.create({ data: { key: clientAddress, succeeded: false, createdAt: at } }),
        db.joinAttempt.deleteMany({ where: { createdAt: { lt: new Date(at.getTime() - KEEP_MS) } } }),
      ]);
    }
    return result;
  });
}
