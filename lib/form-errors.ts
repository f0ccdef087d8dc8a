import type { z } from "zod";

/**
 * For a server action called with something other than its form. An
 * action's arguments are whatever the client serialized (null, a string, a
 * plain object), not only the FormData our pages send: such a call is
 * refused like any bad input, never left to throw.
 */
export const NOT_A_FORM = "This form is out of date. Reload the page and try again.";

/** Field-by-field messages for a form, first message per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}
