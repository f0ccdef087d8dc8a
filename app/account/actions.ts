"use server";

import { signIn } from "@/lib/auth";
import { AccessDenied, requireInstructor } from "@/lib/authz";
import { failure, type FormState } from "@/lib/failure";
import { notAForm } from "@/lib/form-errors";
import { changePassword } from "@/lib/users/change-password";

export type ChangePasswordState = FormState;

export async function changePasswordAction(
  _previous: ChangePasswordState,
  formData: FormData,
): Promise<ChangePasswordState> {
  if (!(formData instanceof FormData)) return { error: notAForm() };
  let user;
  try {
    user = await requireInstructor();
  } catch (error) {
    if (error instanceof AccessDenied)
      return { error: failure(error.reason, "Your session has ended. Sign in again to change your password.") };
    throw error;
  }
  const newPassword = formData.get("newPassword");
  const result = await changePassword(user, { currentPassword: formData.get("currentPassword"), newPassword });
  if (!result.ok) return { error: result.error };
  // The change ended every session, this one included: sign this browser in
  // again, then load the page afresh so it reads the new session cookie.
  await signIn("credentials", { email: user.email, password: newPassword, redirectTo: "/account?changed=1" });
  return {};
}
