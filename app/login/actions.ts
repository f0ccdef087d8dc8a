"use server";

import { CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth";
import { RATE_LIMITED_MESSAGE, WRONG_CREDENTIALS_MESSAGE } from "@/lib/auth/messages";
import { signInSchema } from "@/lib/auth/validation";
import { failure, type FormState } from "@/lib/failure";
import { invalidInput, notAForm } from "@/lib/form-errors";
import { safeCallbackUrl } from "@/lib/safe-redirect";

export type SignInState = FormState<{ email?: string }>;

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  if (!(formData instanceof FormData)) return { error: notAForm() };
  const email = formData.get("email");
  const parsed = signInSchema.safeParse({ email, password: formData.get("password") });
  const echo = typeof email === "string" ? email : "";
  if (!parsed.success) return { error: invalidInput(parsed.error), email: echo };

  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallbackUrl(formData.get("callbackUrl")),
    });
  } catch (error) {
    // signIn redirects by throwing; only credential failures are handled here.
    if (error instanceof CredentialsSignin) {
      const refusal =
        error.code === "rate_limited"
          ? failure("rateLimited", RATE_LIMITED_MESSAGE)
          : failure("unauthenticated", WRONG_CREDENTIALS_MESSAGE);
      return { error: refusal, email: echo };
    }
    throw error;
  }
  return {};
}
