import "server-only";
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable, isUnstorableText } from "@/lib/db-errors";
import { failure, failureResponse } from "@/lib/failure";

/** The largest JSON body an API route reads: every request Spravka expects is far smaller. */
const MAX_BODY_BYTES = 16 * 1024;

export type JsonBody = { ok: true; body: unknown } | { ok: false; response: Response };

/**
 * Whether a request comes from a page of this site. Browsers send `Origin`
 * on every cross-site POST; a JSON API that accepts cookies refuses any other
 * origin, so a page elsewhere cannot act for a student (CSRF).
 */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true; // not a browser (the load script, curl): no ambient cookies to abuse
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Reads a small JSON body from a same-origin request, or says clearly what was wrong with it. */
export async function readJson(request: Request): Promise<JsonBody> {
  const refuse = (...args: Parameters<typeof failure>) =>
    ({ ok: false, response: failureResponse(failure(...args)) }) as const;
  if (!sameOrigin(request)) return refuse("forbidden", "Requests must come from this site.");
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
    return refuse("unsupportedMediaType", "Send JSON (Content-Type: application/json).");
  }
  const tooLarge = refuse("tooLarge", "That request is too large.");
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return tooLarge;
  // Read at most the limit, whatever the sender claims: a body without a length is not read to its end.
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel();
        return tooLarge;
      }
      chunks.push(value);
    }
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks));
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return refuse("invalid", "That request is not valid JSON.");
  }
}

/** Whether the browser reached us over HTTPS (directly or through a proxy): cookies are then Secure. */
export function isHttps(headers: Headers, url?: string): boolean {
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  if (proto) return proto === "https";
  return url ? url.startsWith("https:") : false;
}

/**
 * Wraps a route handler so that a database which is not answering (restarting,
 * failing over) gets a 503 with a message people understand, never a 500 and a
 * stack trace, and text PostgreSQL cannot store (a NUL character, which
 * SQLite accepts) a 400; anything else propagates as before.
 */
export function withDatabaseErrors<A extends unknown[]>(
  handler: (...args: A) => Promise<Response>,
): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (isUnstorableText(error)) {
        return failureResponse(failure("invalid", "That request contains a character that cannot be stored."));
      }
      if (!isDatabaseUnavailable(error)) throw error;
      console.warn(`database not answering: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
      return failureResponse(failure("unavailable", DATABASE_UNAVAILABLE));
    }
  };
}
