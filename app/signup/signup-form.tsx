"use client";

import { useActionState } from "react";
import { Field, FormAlert } from "@/app/_components/field";
import { formAlert } from "@/lib/failure";
import { signUpAction, type SignUpState } from "@/app/signup/actions";

export function SignUpForm({ minPasswordLength }: { minPasswordLength: number }) {
  const [state, action, pending] = useActionState<SignUpState, FormData>(signUpAction, {});
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormAlert message={formAlert(state.error, ["name", "email", "password"])} />
      <Field
        name="name"
        label="Your name"
        autoComplete="name"
        required
        defaultValue={state.values?.name}
        error={state.error?.fieldErrors?.name}
        hint="Shown to your students as the class's instructor."
      />
      <Field
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={state.error?.fieldErrors?.email}
      />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={minPasswordLength}
        error={state.error?.fieldErrors?.password}
        hint={`At least ${minPasswordLength} characters.`}
      />
      <button type="submit" className="btn btn-primary w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
