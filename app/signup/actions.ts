"use server";

import { CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth";
import type { FormState } from "@/lib/failure";
import { notAForm } from "@/lib/form-errors";
import { createInstructor } from "@/lib/users/create-instructor";

export type SignUpState = FormState<{ values?: { name: string; email: string } }>;

export async function signUpAction(_previous: SignUpState, formData: FormData): Promise<SignUpState> {
  if (!(formData instanceof FormData)) return { error: notAForm() };
  const name = formData.get("name");
  const email = formData.get("email");
  const password = formData.get("password");
  const result = await createInstructor({ name, email, password });
  if (!result.ok) {
    return {
      error: result.error,
      values: { name: typeof name === "string" ? name : "", email: typeof email === "string" ? email : "" },
    };
  }
  try {
    await signIn("credentials", { email: result.user.email, password, redirectTo: "/runs" });
  } catch (error) {
    // The account exists; if signing in is refused (e.g. someone had been
    // guessing at this email), send the teacher to sign in by hand.
    if (error instanceof CredentialsSignin) redirect("/login?created=1&callbackUrl=%2Fruns");
    throw error;
  }
  return {};
}
