import "server-only";
import { AttemptLanes } from "@/lib/attempt-lanes";
import { db } from "@/lib/db";

/**
 * Password guessing is slowed, never locked out (ADR 0019, lib/attempt-lanes.ts):
 * a lockout would let anyone keep a teacher out of their own class by typing
 * wrong passwords for their email. Attempts for one email from one address
 * share a lane; past a budget of wrong passwords, each further wrong one
 * holds its lane for SIGN_IN_SLOWDOWN_MS. The right password is never
 * refused because of wrong ones.
 */
export const SIGN_IN_WINDOW_MS = 10 * 60 * 1000;
/** Wrong passwords for one email from one address in a window, before each further one is held. */
export const WRONG_PASSWORDS_PER_EMAIL_AND_ADDRESS = 10;
/** Wrong passwords for one email from all addresses together: past it, they are held from every address. */
export const WRONG_PASSWORDS_PER_EMAIL = 50;
export const SIGN_IN_SLOWDOWN_MS = 3000;
/** Sign-ins that may wait in one lane: a person signs in once; a crowd this size is a script. */
const SIGN_IN_ATTEMPTS_WAITING_PER_LANE = 10;
const KEEP_MS = 24 * 60 * 60 * 1000;

export const signInLanes = new AttemptLanes(SIGN_IN_ATTEMPTS_WAITING_PER_LANE);

export function attemptKey(email: string, clientAddress: string): string {
  return `${email}|${clientAddress}`;
}

/** How long a wrong password just recorded should hold its lane: 0 within the budgets. */
export async function holdAfterWrongPassword(
  email: string,
  clientAddress: string,
  now: Date = new Date(),
): Promise<number> {
  const recent = { succeeded: false, createdAt: { gt: new Date(now.getTime() - SIGN_IN_WINDOW_MS) } };
  const [fromAddress, everywhere] = await Promise.all([
    db.signInAttempt.count({ where: { ...recent, key: attemptKey(email, clientAddress) } }),
    db.signInAttempt.count({ where: { ...recent, email } }),
  ]);
  const past = fromAddress > WRONG_PASSWORDS_PER_EMAIL_AND_ADDRESS || everywhere > WRONG_PASSWORDS_PER_EMAIL;
  return past ? SIGN_IN_SLOWDOWN_MS : 0;
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
