"use client";

import { useActionState } from "react";
import { Field, FormAlert } from "@/app/_components/field";
import { formAlert } from "@/lib/failure";
import { changePasswordAction, type ChangePasswordState } from "@/app/account/actions";

export function ChangePasswordForm({ minPasswordLength }: { minPasswordLength: number }) {
  const [state, action, pending] = useActionState<ChangePasswordState, FormData>(changePasswordAction, {});
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormAlert message={formAlert(state.error, ["currentPassword", "newPassword"])} />
      <Field
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        error={state.error?.fieldErrors?.currentPassword}
      />
      <Field
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        error={state.error?.fieldErrors?.newPassword}
        hint={`At least ${minPasswordLength} characters.`}
      />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? "Saving…" : "Change password"}
      </button>
    </form>
  );
}
