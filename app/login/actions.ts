"use server";

import { CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth";
import { RATE_LIMITED_MESSAGE, WRONG_CREDENTIALS_MESSAGE } from "@/lib/auth/messages";
import { signInSchema } from "@/lib/auth/validation";
import { fieldErrors, NOT_A_FORM } from "@/lib/form-errors";
import { safeCallbackUrl } from "@/lib/safe-redirect";

export type SignInState = {
  formError?: string;
  fieldErrors?: Record<string, string>;
  email?: string;
};

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  if (!(formData instanceof FormData)) return { formError: NOT_A_FORM };
  const email = formData.get("email");
  const parsed = signInSchema.safeParse({ email, password: formData.get("password") });
  const echo = typeof email === "string" ? email : "";
  if (!parsed.success) return { fieldErrors: fieldErrors(parsed.error), email: echo };

  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallbackUrl(formData.get("callbackUrl")),
    });
  } catch (error) {
    // signIn redirects by throwing; only credential failures are handled here.
    if (error instanceof CredentialsSignin) {
      return {
        formError: error.code === "rate_limited" ? RATE_LIMITED_MESSAGE : WRONG_CREDENTIALS_MESSAGE,
        email: echo,
      };
    }
    throw error;
  }
  return {};
}
