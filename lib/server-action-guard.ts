import { sentFromThisSite } from "./same-origin";

/**
 * What a server action's request must look like before Next.js reads it.
 * Next.js refuses a cross-site action and an oversized body itself, but by
 * throwing, which reaches the sender as a 500 and the log as a stack trace.
 * proxy.ts answers both first, with the right status and a sentence.
 */

/** The largest form body a server action accepts (next.config.ts gives Next.js the same number). */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

export type ActionRefusal = { status: 403 | 413; message: string };

/**
 * Why a server action request (a POST with a `Next-Action` header) is
 * refused, or null to let it through.
 */
export function refuseServerAction(headers: Headers): ActionRefusal | null {
  if (!sentFromThisSite(headers)) {
    return { status: 403, message: "This form was sent from another site, so Spravka did not accept it." };
  }
  const length = Number(headers.get("content-length") ?? "0");
  if (length > SERVER_ACTION_BODY_LIMIT_BYTES) {
    return {
      status: 413,
      message: `That form is too large to send (the limit is ${SERVER_ACTION_BODY_LIMIT_BYTES / (1024 * 1024)} MB). Shorten what you wrote and try again.`,
    };
  }
  return null;
}
