"use server";

import { AccessDenied, requireInstructor } from "@/lib/authz";
import { changePassword } from "@/lib/users/change-password";

export type ChangePasswordState = {
  ok?: boolean;
  formError?: string;
  fieldErrors?: Record<string, string>;
};

export async function changePasswordAction(
  _previous: ChangePasswordState,
  formData: FormData,
): Promise<ChangePasswordState> {
  let user;
  try {
    user = await requireInstructor();
  } catch (error) {
    if (error instanceof AccessDenied) return { formError: "Your session has ended. Sign in again to change your password." };
    throw error;
  }
  const result = await changePassword(user, {
    currentPassword: formData.get("currentPassword"),
    newPassword: formData.get("newPassword"),
  });
  return result.ok ? { ok: true } : { fieldErrors: result.fieldErrors };
}
