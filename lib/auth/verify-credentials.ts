import "server-only";
import { isCrowded } from "@/lib/attempt-lanes";
import { db } from "@/lib/db";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import {
  attemptKey,
  holdAfterWrongPassword,
  markSignInSucceeded,
  recordSignInAttempt,
  signInLanes,
} from "@/lib/auth/rate-limit";
import { signInSchema } from "@/lib/auth/validation";

export type VerifiedUser = { id: string; name: string; email: string; role: string };
/** `rate_limited` only when a crowd of sign-ins for this email is already waiting from this address. */
export type VerifyResult = { ok: true; user: VerifiedUser } | { ok: false; error: "invalid" | "rate_limited" };

/**
 * Checks an email and password in its lane (lib/auth/rate-limit.ts),
 * counting the attempt. Unknown email and wrong password give the same
 * answer in the same time, so the form cannot be used to find out who has
 * an account.
 */
export async function verifyCredentials(input: unknown, clientAddress: string): Promise<VerifyResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid" };
  const { email, password } = parsed.data;

  const outcome = await signInLanes.run<VerifyResult>(attemptKey(email, clientAddress), async () => {
    // Counted as a failure first, and marked a success below: a crash in between errs on the safe side.
    const attemptId = await recordSignInAttempt(email, clientAddress, false);
    const user = await db.user.findUnique({ where: { email } });
    const matches = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
    if (!user || !matches) {
      const result: VerifyResult = { ok: false, error: "invalid" };
      return { result, holdMs: await holdAfterWrongPassword(email, clientAddress) };
    }
    await markSignInSucceeded(attemptId);
    const result: VerifyResult = {
      ok: true,
      user: { id: user.id, name: user.name, email: user.email, role: user.role },
    };
    return { result, holdMs: 0 };
  });
  return isCrowded(outcome) ? { ok: false, error: "rate_limited" } : outcome;
}
