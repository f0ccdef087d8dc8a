import "server-only";
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable, isUnstorableText } from "@/lib/db-errors";
import { failure, failureResponse } from "@/lib/failure";
import { WrongKindOfRun } from "@/lib/runs/store/run-engine";
import { browserHost, sentFromThisSite } from "@/lib/same-origin";

/** The largest JSON body an API route reads: every request Spravka expects is far smaller. */
const MAX_BODY_BYTES = 16 * 1024;

export type JsonBody = { ok: true; body: unknown } | { ok: false; response: Response };

/** Reads a small JSON body from a same-origin request, or says clearly what was wrong with it. */
export async function readJson(request: Request): Promise<JsonBody> {
  const refuse = (...args: Parameters<typeof failure>) =>
    ({ ok: false, response: failureResponse(failure(...args)) }) as const;
  // A JSON API that accepts cookies refuses other sites' pages (lib/same-origin.ts).
  if (!sentFromThisSite(request.headers)) return refuse("forbidden", "Requests must come from this site.");
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
      // A request for the other kind of run's things (a case in a 1945 camp): a clear refusal, not a crash.
      if (error instanceof WrongKindOfRun) return failureResponse(failure("conflict", error.message));
      if (!isDatabaseUnavailable(error)) throw error;
      console.warn(`database not answering: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
      return failureResponse(failure("unavailable", DATABASE_UNAVAILABLE));
    }
  };
}

/**
 * A redirect to a path on this site, written relative so the browser stays
 * on the host it used (a LAN address, 127.0.0.1, a proxy's name). Next.js
 * builds `request.url` from its own host name, so a URL resolved against it
 * would send the browser to `localhost`, which the page's CSP then blocks.
 */
export function seeOther(path: string): Response {
  if (!path.startsWith("/") || path.startsWith("//")) throw new Error(`Redirects stay on this site: ${path}`);
  return new Response(null, { status: 303, headers: { Location: path } });
}

/**
 * The origin the browser used for this request, from the headers Spravka's
 * server set after deciding which proxies to believe (lib/forwarding.ts);
 * null when the request does not name a usable host.
 */
export function browserOrigin(headers: Headers): string | null {
  const host = browserHost(headers);
  const proto = headers.get("x-forwarded-proto") === "https" ? "https" : "http";
  if (!host) return null;
  try {
    const url = new URL(`${proto}://${host}`);
    return url.host === host.toLowerCase() ? url.origin : null;
  } catch {
    return null;
  }
}
