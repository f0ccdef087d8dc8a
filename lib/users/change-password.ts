import "server-only";
import { db } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { closeAllSessions } from "@/lib/auth/sessions";
import { changePasswordSchema } from "@/lib/auth/validation";
import { fail, type Result } from "@/lib/failure";
import { invalidInput } from "@/lib/form-errors";
import type { SessionUser } from "@/lib/authz";

/** Refusals are `invalid`, with the message on the field at fault. */
export type ChangePasswordResult = Result;

const NOT_CURRENT = "That is not your current password.";

/** Changes the acting user's own password after checking the current one. */
export async function changePassword(actor: SessionUser, input: unknown): Promise<ChangePasswordResult> {
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: invalidInput(parsed.error) };
  const user = await db.user.findUnique({ where: { id: actor.id } });
  if (!user || !(await verifyPassword(parsed.data.currentPassword, user.passwordHash))) {
    return fail("invalid", NOT_CURRENT, { currentPassword: NOT_CURRENT });
  }
  await db.user.update({
    where: { id: actor.id },
    data: { passwordHash: await hashPassword(parsed.data.newPassword) },
  });
  // Whoever might know the old password is signed out everywhere; the action signs this browser in again.
  await closeAllSessions(actor.id);
  return { ok: true };
}
