import type { z } from "zod";
import { failure, type Failure, type FieldErrors } from "@/lib/failure";

/**
 * For a server action called with something other than its form. An
 * action's arguments are whatever the client serialized (null, a string, a
 * plain object), not only the FormData our pages send: such a call is
 * refused like any bad input, never left to throw.
 */
export const NOT_A_FORM = "This form is out of date. Reload the page and try again.";

/** The refusal for a call that did not bring a form. */
export function notAForm(): Failure {
  return failure("invalid", NOT_A_FORM);
}

/** Field-by-field messages for a form, first message per field. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}

/** Input that did not parse: each field's message, and `message` (or the first field's) for the whole form. */
export function invalidInput(error: z.ZodError, message?: string): Failure {
  const fields = fieldErrors(error);
  // A ZodError always has an issue, so there is always a first message.
  return failure("invalid", message ?? Object.values(fields)[0]!, fields);
}
