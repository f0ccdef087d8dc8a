import "server-only";
import { db } from "@/lib/db";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { checkSignInRateLimit, markSignInSucceeded, recordSignInAttempt } from "@/lib/auth/rate-limit";
import { signInSchema } from "@/lib/auth/validation";

export type VerifiedUser = { id: string; name: string; email: string; role: string; sessionVersion: number };
export type VerifyResult =
  | { ok: true; user: VerifiedUser }
  | { ok: false; error: "invalid" }
  | { ok: false; error: "rate_limited"; retryAfterMs: number };

/**
 * Checks an email and password, counting the attempt for rate limiting.
 * Unknown email and wrong password give the same answer in the same time,
 * so the form cannot be used to find out who has an account.
 */
export async function verifyCredentials(input: unknown, clientAddress: string): Promise<VerifyResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid" };
  const { email, password } = parsed.data;

  // Count the attempt as a failure before checking anything, so a burst of
  // parallel guesses is limited too; it is marked as a success below.
  const attemptId = await recordSignInAttempt(email, clientAddress, false);
  const limit = await checkSignInRateLimit(email, clientAddress);
  if (!limit.allowed) return { ok: false, error: "rate_limited", retryAfterMs: limit.retryAfterMs };

  const user = await db.user.findUnique({ where: { email } });
  const matches = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !matches) return { ok: false, error: "invalid" };
  await markSignInSucceeded(attemptId);
  return {
    ok: true,
    user: { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion },
  };
}
