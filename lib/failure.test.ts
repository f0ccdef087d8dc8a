import { describe, expect, test } from "vitest";
import {
  fail,
  failure,
  FAILURE_CODES,
  FAILURE_STATUS,
  failureResponse,
  formAlert,
  isFailureCode,
  RETRY_AFTER_SECONDS,
  type FailureCode,
} from "./failure";

/** The one table, written out: a change to any status shows up here as a choice, not a side effect. */
const EXPECTED: [FailureCode, number][] = [
  ["invalid", 400],
  ["unauthenticated", 401],
  ["forbidden", 403],
  ["notFound", 404],
  ["notLive", 409],
  ["conflict", 409],
  ["replayed", 409],
  ["held", 409],
  ["tooLarge", 413],
  ["unsupportedMediaType", 415],
  ["refused", 422],
  ["rateLimited", 429],
  ["busy", 503],
  ["unavailable", 503],
];

describe("the failure codes", () => {
  test("every code maps to exactly one HTTP status, a 4xx or 5xx, and the list is closed", () => {
    expect(FAILURE_CODES.toSorted()).toEqual(EXPECTED.map(([code]) => code).toSorted());
    for (const code of FAILURE_CODES) {
      const status = FAILURE_STATUS[code];
      expect(Number.isInteger(status) && status >= 400 && status < 600, code).toBe(true);
    }
  });

  test.each(EXPECTED)("%s answers %i", (code, status) => {
    expect(FAILURE_STATUS[code]).toBe(status);
  });

  test("act-on-case's reasons are codes of the contract under the same names", () => {
    for (const reason of ["invalid", "forbidden", "notLive", "replayed", "conflict", "refused", "busy"]) {
      expect(isFailureCode(reason), reason).toBe(true);
    }
    expect(isFailureCode("limited")).toBe(false);
    expect(isFailureCode("toString")).toBe(false);
  });
});

describe("a route's refusal", () => {
  test.each(EXPECTED)("%s: its status, the failure as the body, never cached", async (code, status) => {
    const response = failureResponse(failure(code, "A message for people."));
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ ok: false, error: { code, message: "A message for people." } });
  });

  test("says when to try again for a busy run, a database that is down and a rate limit, and only then", () => {
    for (const code of FAILURE_CODES) {
      const retryAfter = failureResponse(failure(code, "x")).headers.get("retry-after");
      const expected = RETRY_AFTER_SECONDS[code];
      expect(retryAfter, code).toBe(expected === undefined ? null : String(expected));
    }
    expect(Object.keys(RETRY_AFTER_SECONDS).toSorted()).toEqual(["busy", "rateLimited", "unavailable"]);
    expect(failureResponse(failure("unavailable", "x")).headers.get("retry-after")).toBe("5");
  });

  test("a caller may say how long to wait, but not add a Retry-After where waiting does not help", () => {
    const limited = failureResponse(failure("rateLimited", "x"), { retryAfterSeconds: 600 });
    expect(limited.headers.get("retry-after")).toBe("600");
    const invalid = failureResponse(failure("invalid", "x"), { retryAfterSeconds: 600 });
    expect(invalid.headers.get("retry-after")).toBeNull();
  });

  test("carries field errors, and what else a refusal may show beside the error", async () => {
    const response = failureResponse(failure("invalid", "Check the highlighted fields.", { title: "Write a title." }), {
      extra: { case: { index: 3 }, ok: true, error: "not this one" },
    });
    expect(await response.json()).toEqual({
      case: { index: 3 },
      ok: false,
      error: { code: "invalid", message: "Check the highlighted fields.", fieldErrors: { title: "Write a title." } },
    });
  });
});

describe("constructors", () => {
  test("fail() is a refused Result; a failure without field errors has no fieldErrors key", () => {
    expect(fail("notFound", "There is no such run among yours.")).toEqual({
      ok: false,
      error: { code: "notFound", message: "There is no such run among yours." },
    });
    expect("fieldErrors" in failure("invalid", "x")).toBe(false);
    expect(failure("invalid", "x", { name: "y" }).fieldErrors).toEqual({ name: "y" });
  });
});

describe("a form's alert", () => {
  test("shows the message unless one of the form's own fields already shows the failure", () => {
    expect(formAlert(undefined, ["code"])).toBeUndefined();
    expect(formAlert(failure("rateLimited", "Too many wrong codes."), ["code"])).toBe("Too many wrong codes.");
    expect(formAlert(failure("notFound", "No class.", { code: "No class." }), ["code", "name"])).toBeUndefined();
    // A field this form does not have (a hidden request id) cannot show it: the alert does.
    expect(formAlert(failure("invalid", "Reload.", { requestId: "Reload." }), ["code", "name"])).toBe("Reload.");
  });
});
