/**
 * One way to say "no" (ADR 0015). Every route handler, server action and the
 * domain functions behind them refuse with a Failure: a code from one closed
 * list, a message written for the person in front of the screen, and, for a
 * form, a message per field. The HTTP status comes from the code through
 * FAILURE_STATUS, never from the wording of a message.
 *
 * Not server-only: client components import the types (and `formAlert`).
 */

/** Each code, and the one HTTP status a route answers with it. */
export const FAILURE_STATUS = {
  /** the input does not parse, or breaks a rule of the form (fieldErrors say where) */
  invalid: 400,
  /** nobody is signed in (or the session ended) */
  unauthenticated: 401,
  /** signed in or holding a seat, but not allowed this */
  forbidden: 403,
  /** no such thing, or not one of yours (the two look alike on purpose) */
  notFound: 404,
  /** the run is not running (lobby, paused, ended, archived) */
  notLive: 409,
  /** the run or case is not in a state where this applies, or changed since it was read */
  conflict: 409,
  /** the same request id was already handled */
  replayed: 409,
  /** the seat is open in another browser; the caller may take it over */
  held: 409,
  /** the request body is over the size limit */
  tooLarge: 413,
  /** the request body is not JSON */
  unsupportedMediaType: 415,
  /** well-formed and allowed, but the game's or the period's rules say no */
  refused: 422,
  /** too many attempts from here: wait */
  rateLimited: 429,
  /** the run's lock is contended: try again in a moment */
  busy: 503,
  /** the database is not answering */
  unavailable: 503,
} as const satisfies Record<string, number>;

export type FailureCode = keyof typeof FAILURE_STATUS;

export const FAILURE_CODES = Object.keys(FAILURE_STATUS) as FailureCode[];

/**
 * One message per field, as the forms show them (the first problem found
 * for each field). The key "form" is for a problem with no field of its own.
 */
export type FieldErrors = Record<string, string>;

export type Failure = { code: FailureCode; message: string; fieldErrors?: FieldErrors };

/**
 * A domain function's or route's answer. Success keeps its fields beside
 * `ok: true` (as the JSON bodies always had); a failure carries its Failure
 * under `error`, and `Extra` for what a refusal may still show (e.g. the case
 * as it stands now).
 */
export type Result<T extends object = object, Extra extends object = object> =
  ({ ok: true } & T) | ({ ok: false; error: Failure } & Extra);

/** A server action's state for useActionState: `error` is set when the last submission was refused. */
export type FormState<Extra extends object = object> = Extra & { error?: Failure };

/** Seconds a client should wait before trying again, sent as Retry-After. */
export const RETRY_AFTER_SECONDS: Partial<Record<FailureCode, number>> = {
  busy: 2,
  unavailable: 5,
  rateLimited: 60,
};

export function failure(code: FailureCode, message: string, fieldErrors?: FieldErrors): Failure {
  return fieldErrors === undefined ? { code, message } : { code, message, fieldErrors };
}

/** A refused Result: `return fail("notFound", RUN_NOT_FOUND)`. */
export function fail(code: FailureCode, message: string, fieldErrors?: FieldErrors): { ok: false; error: Failure } {
  return { ok: false, error: failure(code, message, fieldErrors) };
}

export function isFailureCode(value: unknown): value is FailureCode {
  return typeof value === "string" && Object.hasOwn(FAILURE_STATUS, value);
}

/**
 * A route handler's refusal: `{ ok: false, error: { code, message, fieldErrors? } }`
 * (plus `extra` beside it), the status from FAILURE_STATUS, never cached, and
 * a Retry-After for the codes where waiting helps (RETRY_AFTER_SECONDS;
 * `retryAfterSeconds` says how long when the caller knows better).
 */
export function failureResponse(
  error: Failure,
  options: { extra?: object; retryAfterSeconds?: number } = {},
): Response {
  const headers = new Headers({ "Cache-Control": "no-store" });
  const wait = RETRY_AFTER_SECONDS[error.code];
  const retryAfter = wait === undefined ? undefined : (options.retryAfterSeconds ?? wait);
  if (retryAfter !== undefined) headers.set("Retry-After", String(Math.max(1, Math.ceil(retryAfter))));
  return Response.json({ ...options.extra, ok: false, error }, { status: FAILURE_STATUS[error.code], headers });
}

/**
 * The message a form shows above its fields: none when the failure already
 * shows beside one of the form's own fields, so it is not said twice.
 */
export function formAlert(error: Failure | undefined, fields: readonly string[]): string | undefined {
  if (!error) return undefined;
  const onField = Object.keys(error.fieldErrors ?? {}).some((key) => fields.includes(key));
  return onField ? undefined : error.message;
}
