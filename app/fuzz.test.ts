import { beforeAll, describe, expect, test, vi } from "vitest";
import { SEAT_COOKIE } from "@/lib/runs/policy";
import { createRng, type Rng } from "@/lib/sim/rng";
import { databaseState } from "./_testing/db-state";
import {
  callRoute,
  failureContractProblems,
  isRefusal,
  isSuccess,
  listEndpoints,
  settle,
  summary,
  type Endpoint,
  type Outcome,
  type RouteCall,
} from "./_testing/endpoints";
import { actAs, PASSWORD, SCENARIO_ID, seedFixture, type Fixture, type SeatHandle } from "./_testing/fixture";
import { current } from "./_testing/request";

// Every route handler and server action, fed malformed, oversized
// and type-confused input by a seeded generator, as a principal allowed to
// use it (so the validation, not the authorization, is what is exercised).
// Whatever comes in: no 5xx, no uncaught throw (Next's redirect and
// notFound are answers, not throws), no change to the database, and no
// pollution of Object.prototype. Every case is invalid by construction: a
// valid template with one field replaced by a value its contract forbids,
// or a request broken as a whole.

vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/headers")>()),
  ...(await import("./_testing/request")).nextHeaders,
}));
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  ...(await import("./_testing/request")).nextCache,
}));
vi.mock("next-auth", async () => (await import("./_testing/request")).nextAuthModule());
vi.mock("@/lib/auth", async () => (await import("./_testing/request")).authModule);

/** Fixed, so every run sends the same cases; FUZZ_SEED=… explores others (a failure names its case and seed). */
const SEED = Number(process.env.FUZZ_SEED ?? 20_240_909);
const CASES_PER_ENDPOINT = 40;
/** Endpoints whose every plausible input costs a scrypt hash get fewer cases. */
const CASES_WHEN_HASHING = 12;

// ---------------------------------------------------------------- the corpus

const sym = Symbol("missing");
type Missing = typeof sym;
/** A form field left out. */
function MISSING(): Missing {
  return sym;
}
type FormValue = string | File | Missing;

const MB = "a".repeat(1024 * 1024);
const WIDE = "ж😀".repeat(40_000);
const NOT_STRING: unknown[] = [null, true, 0, -1, 1.5, [], ["x"], {}, { toString: "x" }];
const NOT_INT: unknown[] = [null, true, "1", "", [], [1], {}, 1.5, -1];
const NOT_BOOLEAN: unknown[] = [null, "true", 1, [], {}];
const NOT_OBJECT: unknown[] = [null, true, 0, "complaint.file", [], [{}]];
/** Text that is never a valid code, id or choice from a list. */
const NOT_A_CHOICE: unknown[] = [
  ...NOT_STRING,
  "",
  " ",
  MB,
  WIDE,
  "\u0000",
  "\uD800",
  "\u202Epause",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "' OR '1'='1",
  "__proto__",
  "constructor",
];
/** Request ids are 8 to 64 letters, digits, "-" or "_" (so "__proto__" is a valid one). */
const NOT_A_REQUEST_ID: unknown[] = [
  ...NOT_A_CHOICE.filter((v) => v !== "__proto__" && v !== "constructor"),
  "short",
  "has space!!",
  "x".repeat(65),
];
/** Form fields arrive as strings or files; a file where text is expected is a type confusion. */
const FILE = new File(["%PDF-1.4"], "x.pdf", { type: "application/pdf" });
const FORM_NOT_A_CHOICE: FormValue[] = [
  "",
  " ",
  MB,
  WIDE,
  "\u0000",
  "\u202E",
  "../",
  "<script>",
  "__proto__",
  FILE,
  MISSING(),
];

/** Route parameters as Next.js hands them over (decoded from the URL; never a lone surrogate). */
const BAD_IDS = [
  "../",
  "../../etc/passwd",
  "..%2F..%2F",
  "%00",
  "\u0000",
  " ",
  "x".repeat(100_000),
  "😀",
  "прогон",
  "' OR '1'='1",
  "null",
  "undefined",
  "__proto__",
  "constructor",
  "a/b",
  "*",
];

// --------------------------------------------------------------- the recipes

type Who = "anonymous" | "owner" | "studentOfRun" | "procuratorOfRun" | "soloPlayer" | "endedSoloPlayer";

type Template = { who: Who; body: Record<string, unknown> };

type JsonRecipe = {
  kind: "json";
  /** the route's path for a run id (or without one) */
  path: (fx: Fixture, id: string) => string;
  /** the run whose id the route takes, if any */
  runId?: (fx: Fixture) => string;
  templates: (fx: Fixture) => Template[];
  /** for each field, values its contract forbids */
  invalid: Record<string, unknown[]>;
  /** template fields that may be left out (the others are required) */
  optional?: string[];
  /** well-formed requests the handler must refuse all the same */
  refused?: (fx: Fixture) => Template[];
};

type GetRecipe = {
  kind: "get";
  who: Who;
  path: (fx: Fixture, id: string) => string;
  runId: (fx: Fixture) => string;
  /** query parameters to draw from (valid ones too: a GET never changes anything) */
  query: Record<string, string[]>;
  /** what a successful answer must look like */
  success?: (o: Outcome) => boolean;
};

type FormRecipe = {
  kind: "form";
  who: Who;
  /** bound arguments before (previousState, formData), e.g. the run's id */
  bound?: (fx: Fixture) => unknown[];
  template: (fx: Fixture) => Record<string, string>;
  invalid: Record<string, FormValue[]>;
  refused?: (fx: Fixture) => Record<string, string>[];
  cases?: number;
  /** a success is acceptable only as this (and may change only these models) */
  success?: { check: (o: Outcome) => boolean; models: string[] };
};

type Skip = { kind: "skip"; reason: string };

type Recipe = JsonRecipe | GetRecipe | FormRecipe | Skip;

const letterBody = (seat: SeatHandle) => ({
  requestId: "fuzz-request-0001",
  caseIndex: seat.caseIndex,
  expectedVersion: 0,
  action: {
    type: "complaint.file",
    addressee: "generalProcurator",
    grounds: "innocence",
    carrier: "self",
    ask: "release",
  },
  letter: "I ask the commission to review my father's case.",
});

const decisionBody = (seat: SeatHandle) => ({
  requestId: "fuzz-request-0002",
  caseIndex: seat.caseIndex,
  expectedVersion: 0,
  action: {
    type: "review.decide",
    decision: "reclassification",
    justification: "The file shows no act that the article names.",
    toArticle: "109",
    newTermYears: 3,
  },
});

const CONTROL_INVALID: Record<string, unknown[]> = {
  action: [...NOT_A_CHOICE, "PAUSE", "pause ", "delete\u0000", "explode"],
  speed: [null, true, "fast", "", 0, 0.5, 121, -1, [], [1, 2], {}, "1e999", MB],
  toDate: [...NOT_STRING, "", "1955-1-1", "01.01.1955", "1955-01-01T00:00:00Z", MB, "９９９９-01-01"],
  eventId: NOT_A_CHOICE,
};

const exported = (o: Outcome) =>
  o.kind === "response" && /^(text\/csv|application\/xml);/.test(o.contentType) && o.status === 200;

/**
 * One recipe per way in (the same keys as app/authorization-matrix.test.ts);
 * a way in without one fails the suite.
 */
const RECIPES: Record<string, Recipe> = {
  "app/api/auth/[...nextauth]/route.ts#GET": {
    kind: "skip",
    reason: "Auth.js's own handler parses its own input (and does not load under Vitest)",
  },
  "app/api/auth/[...nextauth]/route.ts#POST": {
    kind: "skip",
    reason: "Auth.js's own handler parses its own input (and does not load under Vitest)",
  },
  "app/api/join/route.ts#POST": {
    kind: "json",
    path: () => "/api/join",
    templates: (fx) => [
      { who: "anonymous", body: { code: fx.classRun.joinCode, name: "Visitor", requestId: "fuzz-join-0001" } },
      {
        who: "anonymous",
        body: { code: fx.classRun.joinCode, rejoinCode: fx.classRun.seat.rejoinCode, takeOver: true },
      },
    ],
    invalid: {
      code: [...NOT_A_CHOICE, "ABC", "ZZZZZZ", "AAAAAA", "AAAAAAA", "ааааа"],
      name: [...NOT_STRING, "", "   ", "x".repeat(41), "\u202E", "Sam\u200B", "Sam\u0000", "Sam\uD800", MB],
      requestId: NOT_A_REQUEST_ID,
      rejoinCode: [...NOT_A_CHOICE, "KKKK", "KKKK-KKKK", "KKKK-KKKK-KKKK"],
      // Without takeOver the seat, just opened, is held by its browser: refused too.
      takeOver: [...NOT_BOOLEAN, false],
    },
    refused: (fx) => [
      // a replayed join form
      {
        who: "anonymous",
        body: { code: fx.classRun.joinCode, name: "Again", requestId: fx.classRun.seat.joinRequestId! },
      },
      // a rejoin code of another class
      {
        who: "anonymous",
        body: { code: fx.classRun.joinCode, rejoinCode: fx.otherRun.seat.rejoinCode, takeOver: true },
      },
    ],
  },
  "app/api/runs/[id]/camp/route.ts#POST": {
    kind: "json",
    path: (_fx, id) => `/api/runs/${encodeURIComponent(id)}/camp`,
    runId: (fx) => fx.classRun.id,
    templates: () => [
      { who: "studentOfRun", body: { requestId: "req-camp-check-0001", action: "check", file: 0, thorough: true } },
      { who: "studentOfRun", body: { requestId: "req-camp-sign-0001", action: "sign" } },
    ],
    invalid: {
      requestId: NOT_A_REQUEST_ID,
      action: [...NOT_STRING, "", "delete", "sign ", "CHECK"],
      file: [...NOT_INT, 10_000_001.5, 1e21],
      thorough: NOT_BOOLEAN,
      extra: ["a field the request does not have"],
    },
    // The class run fixture plays the 1954–55 review: no seat of it acts in a camp.
    refused: () => [
      { who: "studentOfRun", body: { requestId: "req-camp-check-0002", action: "check", file: 0, thorough: true } },
    ],
  },
  "app/api/runs/[id]/act/route.ts#POST": {
    kind: "json",
    path: (_fx, id) => `/api/runs/${encodeURIComponent(id)}/act`,
    runId: (fx) => fx.classRun.id,
    templates: (fx) => [
      { who: "studentOfRun", body: letterBody(fx.classRun.seat) },
      { who: "procuratorOfRun", body: decisionBody(fx.classRun.procurator) },
    ],
    invalid: {
      requestId: NOT_A_REQUEST_ID,
      caseIndex: [...NOT_INT, 10_000_001, 1e21],
      expectedVersion: NOT_INT,
      action: [
        ...NOT_OBJECT,
        {},
        { type: "delete" },
        { type: "complaint.file" },
        { type: "complaint.file", addressee: "kgb", grounds: "innocence", carrier: "self", ask: "release", extra: 1 },
        { type: "review.decide", decision: "shoot", justification: "Because the file says so." },
        { type: "review.decide", decision: "reclassification", justification: "short" },
        { type: "review.decide", decision: "reclassification", justification: MB },
        { type: "review.decide", decision: "reclassification", justification: "Long enough grounds.", toArticle: "58" },
        {
          type: "review.decide",
          decision: "sentenceReduction",
          justification: "Long enough grounds.",
          newTermYears: 26,
        },
        {
          type: "review.decide",
          decision: "sentenceReduction",
          justification: "Long enough grounds.",
          newTermYears: "3",
        },
        { type: "complaint.file", addressee: "tsar", grounds: "innocence", carrier: "self", ask: "release" },
        { type: "complaint.file", addressee: "kgb", grounds: ["innocence"], carrier: "self", ask: "release" },
      ],
      letter: [null, true, 5, [], ["a letter"], {}, "", "   \n ", "x".repeat(2001), MB],
      extra: ["a field the request does not have"],
    },
    refused: (fx) => [
      // a case on someone else's desk
      { who: "studentOfRun", body: { ...letterBody(fx.classRun.seat), caseIndex: fx.classRun.procurator.caseIndex } },
      // a procurator's decision from a petitioner's seat
      { who: "studentOfRun", body: { ...decisionBody(fx.classRun.seat), caseIndex: fx.classRun.seat.caseIndex } },
      // a petitioner's letter from a procurator's seat
      { who: "procuratorOfRun", body: letterBody(fx.classRun.procurator) },
      // a decision on a stale version of the case
      { who: "procuratorOfRun", body: { ...decisionBody(fx.classRun.procurator), expectedVersion: 999 } },
    ],
  },
  "app/api/runs/[id]/control/route.ts#POST": {
    kind: "json",
    path: (_fx, id) => `/api/runs/${encodeURIComponent(id)}/control`,
    runId: (fx) => fx.classRun.id,
    templates: () => [
      { who: "owner", body: { action: "pause" } },
      { who: "owner", body: { action: "setSpeed", speed: 30 } },
      { who: "owner", body: { action: "jump", toDate: "1955-06-01" } },
      { who: "owner", body: { action: "inject", eventId: "exile-order" } },
    ],
    invalid: CONTROL_INVALID,
    refused: (fx) => [
      { who: "owner", body: { action: "start" } },
      { who: "owner", body: { action: "resume" } },
      { who: "owner", body: { action: "archive" } },
      { who: "owner", body: { action: "reassign", seatId: fx.classRun.seat.id, role: "procurator" } },
      { who: "owner", body: { action: "jump", toDate: "1950-01-01" } },
      { who: "owner", body: { action: "jump", toDate: "9999-12-31" } },
      { who: "owner", body: { action: "jump", toDate: "1955-13-45" } },
    ],
  },
  "app/api/runs/[id]/events/route.ts#GET": {
    kind: "get",
    // The owner's stream, so that a stream opened by a fuzz case marks no seat as seen.
    who: "owner",
    path: (_fx, id) => `/api/runs/${encodeURIComponent(id)}/events`,
    runId: (fx) => fx.classRun.id,
    query: { as: ["seat", "instructor", "", MB.slice(0, 5000), "__proto__"], x: ["1"] },
    success: (o) => o.kind === "response" && o.contentType.startsWith("text/event-stream"),
  },
  "app/api/runs/[id]/export/route.ts#GET": {
    kind: "get",
    who: "owner",
    path: (_fx, id) => `/api/runs/${encodeURIComponent(id)}/export`,
    runId: (fx) => fx.classRun.id,
    query: {
      format: ["csv", "xes", "CSV", "pdf", "", "csv\u0000", "x".repeat(10_000), "__proto__"],
      names: ["names", "seats", "all", ""],
      __proto__: ["1"],
      constructor: ["x"],
      extra: ["1"],
    },
    success: exported,
  },
  "app/api/runs/[id]/seat/route.ts#GET": {
    kind: "get",
    who: "studentOfRun",
    path: (_fx, id) => `/api/runs/${encodeURIComponent(id)}/seat`,
    runId: (fx) => fx.classRun.id,
    query: { x: ["1", MB.slice(0, 5000)] },
  },
  "app/api/runs/[id]/solo/route.ts#POST": {
    kind: "json",
    path: (_fx, id) => `/api/runs/${encodeURIComponent(id)}/solo`,
    runId: (fx) => fx.soloRun.id,
    templates: () => [
      { who: "soloPlayer", body: { action: "pause" } },
      { who: "soloPlayer", body: { action: "setSpeed", speed: 30 } },
      { who: "soloPlayer", body: { action: "jump", toDate: "1955-06-01" } },
    ],
    invalid: CONTROL_INVALID,
    refused: (fx) => [
      { who: "soloPlayer", body: { action: "delete" } },
      { who: "soloPlayer", body: { action: "archive" } },
      { who: "soloPlayer", body: { action: "inject", eventId: "exile-order" } },
      { who: "soloPlayer", body: { action: "reassign", seatId: fx.soloRun.seat.id, role: "procurator" } },
      { who: "soloPlayer", body: { action: "resume" } },
    ],
  },
  "app/api/runs/[id]/share/route.ts#POST": {
    kind: "json",
    path: (_fx, id) => `/api/runs/${encodeURIComponent(id)}/share`,
    runId: (fx) => fx.endedSoloRun.id,
    templates: () => [
      { who: "endedSoloPlayer", body: { action: "create" } },
      { who: "endedSoloPlayer", body: { action: "withdraw" } },
    ],
    invalid: {
      action: [...NOT_A_CHOICE, "CREATE", "create ", "share", "delete"],
      extra: ["a field the request does not have"],
    },
    refused: () => [
      // the seat of a run still being played, or of a class, asks about this run
      { who: "soloPlayer", body: { action: "create" } },
      { who: "studentOfRun", body: { action: "create" } },
      { who: "anonymous", body: { action: "create" } },
    ],
  },
  "app/api/runs/route.ts#POST": {
    kind: "json",
    path: () => "/api/runs",
    templates: () => [
      {
        who: "owner",
        body: {
          title: "Period 6",
          scenarioId: SCENARIO_ID,
          procuratorSeats: 1,
          petitionerSeats: 3,
          speed: 60,
          seed: 4,
        },
      },
    ],
    invalid: {
      title: [...NOT_STRING, "", "   ", "x".repeat(101), MB],
      scenarioId: [...NOT_A_CHOICE, "atlantis", "custom-nope", "ROSTOV-1954", "rostov-1954/../x"],
      procuratorSeats: [null, "", "x", -1, 1.5, 301, 1e308, [1, 2], {}, "Infinity", 50],
      petitionerSeats: [null, "", "x", -1, 2.5, 301, [1, 2], {}, "-0.5", 40],
      speed: [null, "", "x", 0, 121, -60, [1, 2], {}, "1e999"],
      seed: [0, -1, 1.5, 2 ** 31, "x", true, [], {}, "1e3.5"],
    },
    optional: ["seed"],
  },
  "app/runs/[id]/cases/lookup/route.ts#GET": {
    kind: "get",
    who: "anonymous",
    path: (_fx, id) => `/runs/${encodeURIComponent(id)}/cases/lookup`,
    runId: (fx) => fx.classRun.id,
    query: {
      n: ["5", "0", "-1", "1e3", "99999999", "", " 7 ", "٣", "../../admin", "//evil.example", MB.slice(0, 5000)],
    },
    // Only ever a relative redirect to this site's case page: never elsewhere (an open redirect), never
    // to a host other than the one the browser used.
    success: (o) =>
      o.kind === "response" &&
      o.status === 303 &&
      o.location !== null &&
      /^\/runs\/[^/]+\/cases\/\d+$/.test(o.location),
  },
  "app/account/actions.ts#changePasswordAction": {
    kind: "form",
    who: "owner",
    template: () => ({ currentPassword: PASSWORD, newPassword: "a brand new password" }),
    invalid: {
      currentPassword: ["", "wrong password", MB, WIDE, FILE, MISSING()],
      newPassword: ["", "short", "x".repeat(201), MB, FILE, MISSING()],
    },
    cases: CASES_WHEN_HASHING,
  },
  "app/actions.ts#signOutAction": {
    kind: "form",
    who: "owner",
    template: () => ({}),
    invalid: {},
    // Signing out deletes this browser's session row (lib/auth/sessions.ts), whatever else arrives with it.
    success: { check: (o) => o.kind === "redirect" && o.url === "/", models: ["InstructorSession"] },
  },
  "app/explore/actions.ts#startSoloAction": {
    kind: "form",
    who: "anonymous",
    template: () => ({ scenarioId: SCENARIO_ID, role: "petitioner", seed: "5" }),
    invalid: {
      scenarioId: [...FORM_NOT_A_CHOICE, "atlantis", "custom-x", "national-1954"],
      role: [...FORM_NOT_A_CHOICE, "judge", "PETITIONER", "petitioner "],
      seed: ["0", "-1", "1.5", "2147483648", "x", "1e999", FILE],
    },
  },
  "app/join/actions.ts#joinAction": {
    kind: "form",
    who: "anonymous",
    template: (fx) => ({ code: fx.classRun.joinCode!, name: "Visitor", requestId: "fuzz-join-0002" }),
    invalid: {
      code: [...FORM_NOT_A_CHOICE, "ABC", "ZZZZZZ", "AAAAAA"],
      // No lone surrogate here: a form carries only whole characters (FormData makes "Sam\uD800" a valid "Sam\uFFFD").
      name: ["", "   ", "x".repeat(41), "\u202E", "Sam\u200B", "Sam\u0000", MB, FILE, MISSING()],
      requestId: [...FORM_NOT_A_CHOICE.filter((v) => v !== "__proto__"), "short", "x".repeat(65)],
    },
    refused: (fx) => [{ code: fx.classRun.joinCode!, name: "Again", requestId: fx.classRun.seat.joinRequestId! }],
  },
  "app/join/actions.ts#rejoinAction": {
    kind: "form",
    who: "anonymous",
    template: (fx) => ({ code: fx.classRun.joinCode!, rejoinCode: fx.classRun.seat.rejoinCode, takeOver: "1" }),
    invalid: {
      code: [...FORM_NOT_A_CHOICE, "ABC", "AAAAAA"],
      rejoinCode: [...FORM_NOT_A_CHOICE, "KKKK", "KKKK-KKKK"],
      takeOver: ["0", "", "yes", "true", FILE, MISSING()],
    },
    refused: (fx) => [{ code: fx.classRun.joinCode!, rejoinCode: fx.otherRun.seat.rejoinCode, takeOver: "1" }],
  },
  "app/login/actions.ts#signInAction": {
    kind: "form",
    who: "anonymous",
    template: (fx) => ({ email: fx.owner.email, password: PASSWORD, callbackUrl: "/runs" }),
    invalid: {
      email: ["", "not-an-email", `${"x".repeat(250)}@school.org`, MB, FILE, MISSING()],
      password: ["", "wrong password", "x".repeat(201), FILE, MISSING()],
      // The right password with a hostile callback: signing in is fine, leaving the site is not.
      callbackUrl: [
        "https://evil.example/",
        "//evil.example",
        "/\\evil.example",
        "/\t/evil.example",
        "javascript:alert(1)",
        "",
        MB,
        FILE,
      ],
    },
    cases: CASES_WHEN_HASHING,
    success: {
      check: (o) => o.kind === "redirect" && /^\/(?![/\\])/.test(o.url) && !/[\s\\]/.test(o.url),
      models: ["SignInAttempt", "InstructorSession"],
    },
  },
  "app/runs/[id]/actions.ts#controlAction": {
    kind: "form",
    who: "owner",
    bound: (fx) => [fx.classRun.id],
    template: () => ({ action: "setSpeed", speed: "30" }),
    invalid: {
      action: [...FORM_NOT_A_CHOICE, "PAUSE", "explode"],
      speed: ["", "0", "121", "fast", "1e999", "-5", "NaN", "Infinity", FILE, MISSING()],
    },
    refused: (fx): Record<string, string>[] => [
      { action: "delete" },
      { action: "delete", confirm: "no" },
      { action: "start" },
      { action: "jump", toDate: "1955-13-45" },
      { action: "jump", toDate: "1950-01-01" },
      { action: "inject", eventId: "x" },
      { action: "reassign", seatId: fx.classRun.seat.id, role: "judge" },
    ],
  },
  "app/runs/[id]/debrief/actions.ts#savePromptsAction": {
    kind: "form",
    who: "owner",
    bound: (fx) => [fx.classRun.id],
    template: () => ({ prompts: "Who decided, and on what grounds?" }),
    invalid: { prompts: ["x".repeat(4001), MB, FILE, MISSING()] },
  },
  "app/runs/new/actions.ts#createRunAction": {
    kind: "form",
    who: "owner",
    template: () => ({
      title: "Period 6",
      scenarioId: SCENARIO_ID,
      procuratorSeats: "1",
      petitionerSeats: "3",
      speed: "60",
      seed: "",
    }),
    invalid: {
      title: ["", "   ", "x".repeat(101), MB, FILE, MISSING()],
      scenarioId: [...FORM_NOT_A_CHOICE, "atlantis", "custom-nope"],
      procuratorSeats: ["", "x", "-1", "1.5", "301", "1e999", FILE, MISSING(), "50"],
      petitionerSeats: ["", "x", "-1", "2.5", "301", FILE, MISSING(), "40"],
      speed: ["", "0", "121", "x", FILE, MISSING()],
      seed: ["0", "-1", "1.5", "2147483648", "x", FILE],
    },
  },
  "app/scenarios/actions.ts#saveScenarioAction": {
    kind: "form",
    who: "owner",
    template: (fx) => ({
      baseId: SCENARIO_ID,
      id: fx.scenarioId,
      title: "Tomsk, with more clerks",
      summary: "The same province, with twice the clerks.",
      "caseload.cases": "35",
      horizonDays: "300",
      "desks.procurators": "2",
      "desks.hoursPerDay": "6",
      "institutions.fileClerks": "4",
      "institutions.listsWithheldShare": "0.1",
      "policy.bias": "1",
    }),
    invalid: {
      baseId: [...FORM_NOT_A_CHOICE, "atlantis"],
      id: ["not-a-scenario", MB, "../", "__proto__"],
      title: ["", "   ", "x".repeat(121), MB, FILE, MISSING()],
      summary: ["", "x".repeat(601), FILE, MISSING()],
      "caseload.cases": ["", "x", "0", "1.5", "20000", "Infinity", "NaN", FILE, MISSING()],
      horizonDays: ["", "x", "0", "-5", "2.5", "Infinity", FILE, MISSING()],
      "desks.procurators": ["", "0", "1.5", "x", FILE],
      "desks.hoursPerDay": ["", "0", "17", "-1", "x", FILE],
      "institutions.fileClerks": ["", "0", "0.5", "x", FILE],
      "institutions.listsWithheldShare": ["", "x", "NaN", "Infinity", FILE],
      "policy.bias": ["", "x", "NaN", FILE],
    },
    refused: (fx) => [
      // editing another instructor's scenario (here: a made-up id)
      { baseId: SCENARIO_ID, id: `${fx.scenarioId}-not-mine`, title: "Mine now", summary: "x" },
    ],
  },
  "app/signup/actions.ts#signUpAction": {
    kind: "form",
    who: "anonymous",
    template: () => ({ name: "New Teacher", email: "new.teacher@school.org", password: "a long enough password" }),
    invalid: {
      name: ["", "   ", "x".repeat(101), MB, FILE, MISSING()],
      email: ["", "not-an-email", "okafor@school.org", "OKAFOR@School.org ", MB, FILE, MISSING()],
      password: ["", "short", "x".repeat(201), MB, FILE, MISSING()],
    },
  },
};

// ------------------------------------------------------------- the generator

type Gen = { pick<T>(items: readonly T[]): T; chance(p: number): boolean; int(n: number): number };

function generator(rng: Rng): Gen {
  const int = (n: number) => Math.floor(rng.next() * n);
  return { int, pick: (items) => items[int(items.length)]!, chance: (p) => rng.next() < p };
}

type FuzzCase = {
  label: string;
  who: Who;
  call: (fn: Endpoint["fn"]) => Promise<unknown>;
  /** the status a request broken this way must get (otherwise: any 4xx) */
  status?: number;
};

const short = (value: unknown): string => {
  if (value === sym) return "(missing)";
  if (value instanceof File) return "(a file)";
  if (typeof value === "string")
    return value.length > 40 ? `"${value.slice(0, 20)}…" (${value.length} chars)` : JSON.stringify(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 40)}… (${text.length} chars)` : text;
};

function deepNesting(depth: number): string {
  return `{"action":${"[".repeat(depth)}${"]".repeat(depth)}}`;
}

/** A body that never ends on its own and never says how long it is. */
function endlessBody(): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode(`{"pad":"${"a".repeat(64 * 1024)}`);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      sent += 1;
      if (sent > 32) controller.close();
      else controller.enqueue(chunk);
    },
  });
}

function jsonCase(recipe: JsonRecipe, fx: Fixture, g: Gen): FuzzCase {
  const templates = recipe.templates(fx);
  const template = g.pick(templates);
  const runId = recipe.runId?.(fx);
  const request = (
    label: string,
    body: RouteCall["body"],
    options: { id?: string; headers?: Record<string, string>; who?: Who; status?: number } = {},
  ): FuzzCase => {
    const id = options.id ?? runId ?? "";
    return {
      label,
      who: options.who ?? template.who,
      status: options.status,
      call: (fn) =>
        callRoute(fn, {
          method: "POST",
          url: recipe.path(fx, id),
          params: runId !== undefined ? { id } : {},
          headers: options.headers ?? { "content-type": "application/json" },
          body,
        }),
    };
  };
  const valid = JSON.stringify(template.body);
  const strategies: (() => FuzzCase)[] = [
    () => {
      // Only fields of this template (a stray field is ignored, not refused), or `extra` where the schema is strict.
      const fields = Object.keys(recipe.invalid).filter((k) => k in template.body || k === "extra");
      const field = g.pick(fields);
      const value = g.pick(recipe.invalid[field]!);
      return request(`field ${field} = ${short(value)}`, JSON.stringify({ ...template.body, [field]: value }));
    },
    () => {
      const required = Object.keys(template.body).filter((k) => !recipe.optional?.includes(k));
      const field = g.pick(required);
      const rest = { ...template.body };
      delete rest[field];
      return request(`without ${field}`, JSON.stringify(rest));
    },
    () => {
      if (runId === undefined) return request("a body that is an array", `[${valid}]`);
      const id = g.pick([...BAD_IDS, fx.otherRun.id, fx.soloRun.id === runId ? fx.classRun.id : fx.soloRun.id]);
      return request(`route id ${short(id)}`, valid, { id });
    },
    () =>
      request("a request from another site", valid, {
        headers: { "content-type": "application/json", origin: "https://evil.example", host: "localhost:3000" },
        status: 403,
      }),
    () => {
      const type = g.pick([
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "",
        "json",
        "application/xml",
      ]);
      return request(`content-type ${short(type)}`, valid, {
        headers: type ? { "content-type": type } : {},
        status: 415,
      });
    },
    () => {
      const text = g.pick([
        "",
        "{",
        "}",
        "{'action':'pause'}",
        `${valid}x`,
        `${valid}${valid}`,
        "undefined",
        "NaN",
        "\uFEFF" + valid.slice(1),
        valid.slice(0, -1),
        "[1,]",
        '{"a":1,}',
      ]);
      return request(`invalid JSON ${short(text)}`, text, { status: 400 });
    },
    () => {
      const body = JSON.stringify({ ...template.body, pad: MB });
      return request("a 1 MB body with its length", body, {
        headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) },
        status: 413,
      });
    },
    () => request("an endless body without a length", endlessBody(), { status: 413 }),
    () => {
      const depth = g.pick([100, 1_000, 7_000, 100_000]);
      // Past the 16 KB a request may have, refused unread; within it, parsed and refused by the schema.
      return request(`JSON nested ${depth} deep`, deepNesting(depth), depth > 8_000 ? { status: 413 } : {});
    },
    () => {
      const whole = g.pick<unknown>([null, true, 0, -1, "pause", "\uD800", [], [template.body], MB.slice(0, 10_000)]);
      return request(`a body that is ${short(whole)}`, JSON.stringify(whole));
    },
    () => {
      const inner = valid;
      const text = g.pick([
        `{"__proto__":${inner}}`,
        `{"constructor":{"prototype":${inner}}}`,
        `{"__proto__":{"polluted":"yes","action":"delete"},"action":"__proto__"}`,
        `{"constructor":{"prototype":{"polluted":"yes"}}}`,
      ]);
      return request(`prototype keys ${short(text)}`, text);
    },
  ];
  const refused = recipe.refused?.(fx) ?? [];
  if (refused.length > 0 && g.chance(0.15)) {
    const semantic = g.pick(refused);
    return request(`well-formed but refused ${short(semantic.body)}`, JSON.stringify(semantic.body), {
      who: semantic.who,
    });
  }
  return g.pick(strategies)();
}

function getCase(recipe: GetRecipe, fx: Fixture, g: Gen): FuzzCase {
  const id = g.chance(0.5) ? recipe.runId(fx) : g.pick([...BAD_IDS, fx.otherRun.id, fx.soloRun.id]);
  const params = new URLSearchParams();
  for (const [key, values] of Object.entries(recipe.query)) {
    if (g.chance(0.6)) params.append(key, g.pick(values));
    if (g.chance(0.1)) params.append(key, g.pick(values));
  }
  const query = params.toString();
  return {
    label: `route id ${short(id)}, query ${short(query)}`,
    who: recipe.who,
    call: (fn) =>
      callRoute(fn, { method: "GET", url: `${recipe.path(fx, id)}${query ? `?${query}` : ""}`, params: { id } }),
  };
}

function toForm(values: Record<string, FormValue>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) if (value !== sym) data.append(key, value as string | File);
  return data;
}

/** Server actions' arguments come as the client sends them: React serializes far more than FormData. */
const NOT_FORM_DATA: unknown[] = [null, undefined, "code=ABCDEF", 5, [], {}, { get: "x" }, new URLSearchParams("a=1")];
const NOT_PREVIOUS: unknown[] = [null, undefined, 5, "x", [], { attempt: "x" }, { done: -1 }, { saved: {} }];
const NOT_A_RUN_ID: unknown[] = [null, undefined, 5, {}, [], "", "x".repeat(65), MB, ...BAD_IDS];

function formCase(recipe: FormRecipe, fx: Fixture, g: Gen): FuzzCase {
  const template: Record<string, FormValue> = recipe.template(fx);
  const bound = recipe.bound?.(fx) ?? [];
  const act = (label: string, args: unknown[]): FuzzCase => ({ label, who: recipe.who, call: (fn) => fn(...args) });
  const fields = Object.keys(recipe.invalid);
  const mutated = (): [string, FormData] => {
    if (fields.length === 0) return ["a form as sent", toForm(template)];
    const field = g.pick(fields);
    const value = g.pick(recipe.invalid[field]!);
    return [`field ${field} = ${short(value)}`, toForm({ ...template, [field]: value })];
  };
  const refused = recipe.refused?.(fx) ?? [];
  const strategy = g.int(refused.length > 0 ? 5 : 4);
  if (strategy === 0 || (strategy === 4 && refused.length === 0)) {
    const [label, data] = mutated();
    return act(label, [...bound, {}, data]);
  }
  if (strategy === 1) {
    const data = g.pick(NOT_FORM_DATA);
    return act(`form data ${short(data)}`, [...bound, {}, data]);
  }
  if (strategy === 2) {
    const [label, data] = mutated();
    const previous = g.pick(NOT_PREVIOUS);
    return act(`${label}, previous state ${short(previous)}`, [...bound, previous, data]);
  }
  if (strategy === 3) {
    if (bound.length === 0) {
      const [label, data] = mutated();
      return act(`${label}, with extra arguments`, [{}, data, "extra", { __proto__: { polluted: true } }]);
    }
    const runId = g.pick([...NOT_A_RUN_ID, fx.otherRun.id, fx.soloRun.id]);
    return act(`run id ${short(runId)}`, [runId, {}, toForm(template)]);
  }
  const semantic = g.pick(refused);
  return act(`well-formed but refused ${short(semantic)}`, [...bound, {}, toForm(semantic)]);
}

// ------------------------------------------------------------------ the run

const endpoints = await listEndpoints();
let fx: Fixture;
let baseline: Record<string, string>;
let dirty = true;

async function freshFixture(): Promise<void> {
  fx = await seedFixture();
  baseline = await databaseState();
  dirty = false;
}

beforeAll(freshFixture);

function actAsWho(who: Who): void {
  if (who === "procuratorOfRun" || who === "soloPlayer" || who === "endedSoloPlayer") {
    actAs(fx, "anonymous");
    const seat =
      who === "soloPlayer"
        ? fx.soloRun.seat
        : who === "endedSoloPlayer"
          ? fx.endedSoloRun.seat
          : fx.classRun.procurator;
    current.cookies.set(SEAT_COOKIE, seat.cookie);
  } else {
    actAs(fx, who);
  }
}

function changedModels(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(after).filter((model) => after[model] !== before[model]);
}

describe("every way in has a fuzz recipe", () => {
  test("no route handler or server action is left out", () => {
    expect(endpoints.map((e) => e.key).filter((key) => !(key in RECIPES))).toEqual([]);
  });
  test("no recipe is left over from a way in that is gone", () => {
    const keys = new Set(endpoints.map((e) => e.key));
    expect(Object.keys(RECIPES).filter((key) => !keys.has(key))).toEqual([]);
  });
});

const fuzzed = endpoints.filter((e) => RECIPES[e.key] && RECIPES[e.key]!.kind !== "skip");

describe.each(fuzzed.map((e) => [e.key, e] as const))("%s", (key, endpoint) => {
  const recipe = RECIPES[key] as Exclude<Recipe, Skip>;
  const count = recipe.kind === "form" ? (recipe.cases ?? CASES_PER_ENDPOINT) : CASES_PER_ENDPOINT;

  test(`${count} malformed, oversized and type-confused requests: no 5xx, no throw, nothing changed`, async () => {
    const g = generator(createRng(SEED, key));
    const failures: string[] = [];
    for (let k = 0; k < count; k++) {
      if (dirty) await freshFixture();
      const fuzz =
        recipe.kind === "json"
          ? jsonCase(recipe, fx, g)
          : recipe.kind === "get"
            ? getCase(recipe, fx, g)
            : formCase(recipe, fx, g);
      actAsWho(fuzz.who);
      const before = await databaseState();
      const outcome = await settle(() => fuzz.call(endpoint.fn));
      const after = await databaseState();
      const changed = changedModels(before, after);
      dirty = changed.length > 0 || JSON.stringify(after) !== JSON.stringify(baseline);
      const where = `seed ${SEED}, case ${k} (${fuzz.label})`;
      failures.push(...problems(recipe, fuzz, outcome, changed).map((p) => `${where}: ${p}`));
      const polluted = Object.keys(Object.prototype);
      if (polluted.length > 0) {
        failures.push(`${where}: Object.prototype gained ${polluted.join(", ")}`);
        for (const name of polluted) delete (Object.prototype as Record<string, unknown>)[name];
      }
    }
    expect(failures).toEqual([]);
  });
});

/** What is wrong with how a fuzz case was answered (nothing, for a pass). */
function problems(recipe: Exclude<Recipe, Skip>, fuzz: FuzzCase, outcome: Outcome, changed: string[]): string[] {
  if (outcome.kind === "threw") return [summary(outcome)];
  if (outcome.kind === "response" && outcome.status >= 500) return [summary(outcome)];
  const out: string[] = failureContractProblems(outcome).map((p) => `${p}: ${summary(outcome)}`);
  if (recipe.kind === "get") {
    // Reads: any answer but a 5xx, so long as a success looks like one and nothing changes.
    if (recipe.success && outcome.kind === "response" && outcome.status < 400 && !recipe.success(outcome)) {
      out.push(`an unexpected answer: ${summary(outcome)}`);
    }
    if (changed.length > 0) out.push(`changed ${changed.join(", ")}`);
    return out;
  }
  if (recipe.kind === "form" && recipe.success && isSuccess(outcome)) {
    // A case that is not bad input for this action (a sign-in with the right password): it must land safely.
    if (!recipe.success.check(outcome)) out.push(`an unexpected success: ${summary(outcome)}`);
    const stray = changed.filter((m) => !recipe.success!.models.includes(m));
    if (stray.length > 0) out.push(`changed ${stray.join(", ")}`);
    return out;
  }
  const refused =
    recipe.kind === "json"
      ? outcome.kind === "response" && outcome.status >= 400 && (fuzz.status ?? outcome.status) === outcome.status
      : isRefusal(outcome);
  if (!refused) out.push(`not refused${fuzz.status ? ` with ${fuzz.status}` : ""}: ${summary(outcome)}`);
  if (changed.length > 0) out.push(`changed ${changed.join(", ")}`);
  return out;
}
