import "server-only";
import { db } from "@/lib/db";

/** Failed sign-ins allowed per email + client address in one window. */
export const MAX_FAILURES_PER_KEY = 10;
/**
 * Failed sign-ins allowed per email from all addresses together: the client
 * address comes from a header a client can forge, so this caps guessing
 * from rotating addresses.
 */
export const MAX_FAILURES_PER_EMAIL = 50;
export const WINDOW_MS = 10 * 60 * 1000;
const KEEP_MS = 24 * 60 * 60 * 1000;

export function attemptKey(email: string, clientAddress: string): string {
  return `${email}|${clientAddress}`;
}

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Whether the attempt just recorded (as a failure, see verify-credentials.ts)
 * may go ahead: counting it first means parallel requests cannot all slip
 * through between a check and a write.
 */
export async function checkSignInRateLimit(
  email: string,
  clientAddress: string,
  now: Date = new Date(),
): Promise<RateLimitVerdict> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const key = attemptKey(email, clientAddress);
  const [byKey, byEmail] = await Promise.all([
    db.signInAttempt.findMany({
      where: { key, succeeded: false, createdAt: { gt: since } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
    db.signInAttempt.findMany({
      where: { email, succeeded: false, createdAt: { gt: since } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
  ]);
  const blocking = [
    byKey.length > MAX_FAILURES_PER_KEY ? byKey[byKey.length - MAX_FAILURES_PER_KEY] : undefined,
    byEmail.length > MAX_FAILURES_PER_EMAIL ? byEmail[byEmail.length - MAX_FAILURES_PER_EMAIL] : undefined,
  ].filter((a) => a !== undefined);
  if (blocking.length === 0) return { allowed: true };
  // The window reopens when the oldest counted failure falls out of it.
  const reopensAt = Math.max(...blocking.map((a) => a.createdAt.getTime() + WINDOW_MS));
  return { allowed: false, retryAfterMs: Math.max(1000, reopensAt - now.getTime()) };
}

/** Records an attempt (and forgets attempts older than a day); returns its id. */
export async function recordSignInAttempt(
  email: string,
  clientAddress: string,
  succeeded: boolean,
  now: Date = new Date(),
): Promise<number> {
  const [attempt] = await db.$transaction([
    db.signInAttempt.create({
      data: { key: attemptKey(email, clientAddress), email, succeeded, createdAt: now },
      select: { id: true },
    }),
    db.signInAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - KEEP_MS) } } }),
  ]);
  return attempt.id;
}

export async function markSignInSucceeded(attemptId: number): Promise<void> {
  await db.signInAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
}
